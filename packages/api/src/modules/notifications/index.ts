export { Notification } from "./notification.entity.js";
export { notificationsModule } from "./notifications.module.js";
export { notifier } from "./notify.js";
