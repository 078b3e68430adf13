import { InitialSchema1767225600000 } from "./1767225600000-initial-schema.js";
import { AddCseBookings1767312000000 } from "./1767312000000-add-cse-bookings.js";
import { AddScheduledMaintenance1767398400000 } from "./1767398400000-add-scheduled-maintenance.js";

/** In order; each file is named for what it changes. */
export const migrations = [
  InitialSchema1767225600000,
  AddCseBookings1767312000000,
  AddScheduledMaintenance1767398400000,
];
