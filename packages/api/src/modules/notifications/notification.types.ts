import { Field, InputType, Int } from "type-graphql";
import { z } from "zod";
import { Notification } from "./notification.entity.js";
import { NOTIFICATION_CHANNELS, NotificationChannelEnum, type NotificationChannel } from "./notification.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";

export const NotificationConnection = connectionOf(Notification, "Notification");

@InputType()
export class UpdateNotificationPreferencesInput {
  static readonly schema = z.object({
    channels: z
      .array(z.enum(NOTIFICATION_CHANNELS))
      .max(NOTIFICATION_CHANNELS.length)
      .transform((l) => [...new Set(l)])
      .optional(),
    leadMinutes: z
      .array(z.number().int().min(1, "must be at least 1 minute").max(1440, "must be at most a day"))
      .max(10, "at most 10 lead times")
      .transform((l) => [...new Set(l)].sort((a, b) => b - a))
      .optional(),
  });

  @Field(() => [NotificationChannelEnum], {
    nullable: true,
    description: "IN_APP (subscription), WEBHOOK and/or EMAIL (to the user's address)",
  })
  channels?: NotificationChannel[];

  @Field(() => [Int], { nullable: true, description: "Minutes before an SLA runs out, e.g. [30, 10]" })
  leadMinutes?: number[];
}
