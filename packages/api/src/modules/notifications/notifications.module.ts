import type { FeatureModule } from "../../platform/module.js";
import { notificationsAccess } from "./notifications.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import { Notification, NotificationPreference } from "./notification.entity.js";
import { NotificationResolver } from "./notification.resolver.js";
import { WebhookDelivery, WebhookEndpoint } from "./webhooks/webhook.entity.js";
import { WebhookResolver } from "./webhooks/webhook.resolver.js";
import { runWebhookDelivery } from "./webhooks/webhooks.js";
import { Subscriber } from "./subscribers/subscriber.entity.js";
import { SubscriberResolver } from "./subscribers/subscriber.resolver.js";
import { subscribersAccess } from "./subscribers/subscribers.access.js";
import { runDeliveries, runFanout } from "./subscribers/delivery.js";
import { unsubscribeRoute } from "./subscribers/unsubscribe.route.js";
import { runStaffEmail } from "./staff-email.js";

export const notificationsModule: FeatureModule = {
  name: "notifications",
  access: { ...notificationsAccess, ...subscribersAccess },
  resolvers: [NotificationResolver, WebhookResolver, SubscriberResolver],
  entities: [Notification, NotificationPreference, WebhookEndpoint, WebhookDelivery, Subscriber],
  routes: [unsubscribeRoute],
  timers: {
    [QUEUES.webhook]: runWebhookDelivery,
    [QUEUES.subscriberFanout]: runFanout,
    [QUEUES.subscriberDelivery]: runDeliveries,
    [QUEUES.staffEmail]: runStaffEmail,
  },
};
