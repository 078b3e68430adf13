import { NOTIFICATION_KINDS } from "../../platform/notifier.js";
import { graphqlEnum } from "../../platform/graphql/enum.js";

export const NOTIFICATION_CHANNELS = ["IN_APP", "WEBHOOK", "EMAIL"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NotificationKindEnum = graphqlEnum(NOTIFICATION_KINDS, "NotificationKind");
export const NotificationChannelEnum = graphqlEnum(NOTIFICATION_CHANNELS, "NotificationChannel");
