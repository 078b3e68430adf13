import type { Role } from "../graphql/enums.js";
import { STAFF_ROLES } from "../graphql/enums.js";

/** Who is asking. `null` is the anonymous reader of public status data. */
export interface Viewer {
  userId: string;
  role: Role;
  accountId: string | null;
}

export function isStaff(viewer: Viewer | null): boolean {
  return viewer !== null && STAFF_ROLES.includes(viewer.role);
}
