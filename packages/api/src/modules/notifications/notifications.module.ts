import type { FeatureModule } from "../../platform/module.js";
import { notificationsAccess } from "./notifications.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import { Notification, NotificationPreference } from "./notification.entity.js";
import { NotificationResolver } from "./notification.resolver.js";
import { WebhookDelivery, WebhookEndpoint } from "./webhooks/webhook.entity.js";
import { WebhookResolver } from "./webhooks/webhook.resolver.js";
import { runWebhookDelivery } from "./webhooks/webhooks.js";

export const notificationsModule: FeatureModule = {
  name: "notifications",
  access: notificationsAccess,
  resolvers: [NotificationResolver, WebhookResolver],
  entities: [Notification, NotificationPreference, WebhookEndpoint, WebhookDelivery],
  timers: { [QUEUES.webhook]: runWebhookDelivery },
};
