import { InitialSchema1767225600000 } from "./1767225600000-initial-schema.js";
import { AddCseBookings1767312000000 } from "./1767312000000-add-cse-bookings.js";

/** In order; each file is named for what it changes. */
export const migrations = [InitialSchema1767225600000, AddCseBookings1767312000000];
