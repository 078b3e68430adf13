import { InitialSchema1767225600000 } from "./1767225600000-initial-schema.js";

/** In order; each file is named for what it changes. */
export const migrations = [InitialSchema1767225600000];
