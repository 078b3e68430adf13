import type { AccessRules } from "../../../platform/access/audience.js";

/**
 * An anonymous caller reaches a Subscriber only as the answer to their own `subscribe` (their input
 * back: see `existingAnswer`) or `confirmSubscription` (the holder of the mailed link); the list of
 * subscribers is ADMIN-only at its root field.
 */
export const subscribersAccess: AccessRules = {
  Subscriber: {
    id: "PUBLIC",
    channel: "PUBLIC",
    email: "PUBLIC",
    webhookUrl: "PUBLIC",
    componentIds: "PUBLIC",
    confirmedAt: "PUBLIC",
    createdAt: "PUBLIC",
    signingSecret: "PUBLIC",
  },
};
