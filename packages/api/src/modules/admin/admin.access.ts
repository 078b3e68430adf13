import type { AccessRules } from "../../platform/access/audience.js";

/**
 * People as others see them: a name and a role; an email only to staff and its owner, an account only
 * to staff and that account's users (see UserResolver).
 */
export const adminAccess: AccessRules = {
  User: {
    id: "CUSTOMER",
    name: "CUSTOMER",
    role: "CUSTOMER",
    createdAt: "CUSTOMER",
    email: "CUSTOMER",
    timezone: "CUSTOMER",
    manager: "STAFF",
    account: "CUSTOMER",
  },
};
