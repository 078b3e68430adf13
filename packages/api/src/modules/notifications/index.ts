export { Notification } from "./notification.entity.js";
export { WEBHOOK_SECRET_PURPOSE } from "./webhooks/standard-webhooks.js";
export { notificationsModule } from "./notifications.module.js";
export { notifier } from "./notify.js";
