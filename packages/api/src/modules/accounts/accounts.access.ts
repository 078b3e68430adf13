import type { AccessRules } from "../../platform/access/audience.js";

/** A customer reads their own account (the service scopes which one). */
export const accountsAccess: AccessRules = {
  Account: {
    id: "CUSTOMER",
    name: "CUSTOMER",
    tier: "CUSTOMER",
    subscriptionStartDate: "CUSTOMER",
    products: "CUSTOMER",
    timezone: "CUSTOMER",
    createdAt: "CUSTOMER",
    updatedAt: "CUSTOMER",
    tierHistory: "CUSTOMER",
  },
  AccountTierChange: { tier: "CUSTOMER", effectiveFrom: "CUSTOMER" },
};
