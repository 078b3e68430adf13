import type { AccessRules } from "../../platform/access/audience.js";

/** Everyone reads their own notifications, preferences and webhook endpoints (the services scope them). */
export const notificationsAccess: AccessRules = {
  Notification: {
    id: "CUSTOMER",
    kind: "CUSTOMER",
    title: "CUSTOMER",
    body: "CUSTOMER",
    dueAt: "CUSTOMER",
    createdAt: "CUSTOMER",
    acknowledgedAt: "CUSTOMER",
    ticket: "CUSTOMER",
    incident: "CUSTOMER",
  },
  NotificationPreference: { channels: "CUSTOMER", leadMinutes: "CUSTOMER" },
  WebhookEndpoint: {
    id: "CUSTOMER",
    url: "CUSTOMER",
    description: "CUSTOMER",
    enabled: "CUSTOMER",
    disabledReason: "CUSTOMER",
    createdAt: "CUSTOMER",
    deliveries: "CUSTOMER",
  },
  CreatedWebhookEndpoint: { endpoint: "CUSTOMER", secret: "CUSTOMER" },
  WebhookDelivery: {
    id: "CUSTOMER",
    eventType: "CUSTOMER",
    status: "CUSTOMER",
    attempts: "CUSTOMER",
    lastStatusCode: "CUSTOMER",
    lastError: "CUSTOMER",
    createdAt: "CUSTOMER",
    deliveredAt: "CUSTOMER",
  },
};
