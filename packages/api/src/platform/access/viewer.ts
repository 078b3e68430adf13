import type { Role } from "./roles.js";
import { STAFF_ROLES } from "./roles.js";

/** Who is asking. `null` is the anonymous reader of public status data. */
export interface Viewer {
  userId: string;
  role: Role;
  accountId: string | null;
}

export function isStaff(viewer: Viewer | null): boolean {
  return viewer !== null && STAFF_ROLES.includes(viewer.role);
}
