import { InitialSchema1767225600000 } from "./1767225600000-initial-schema.js";
import { AddScheduledMaintenance1767398400000 } from "./1767398400000-add-scheduled-maintenance.js";

/** In order; each file is named for what it changes. */
export const migrations = [InitialSchema1767225600000, AddScheduledMaintenance1767398400000];
