import { Field, InputType, Int } from "type-graphql";
import { Notification } from "./notification.entity.js";
import { NotificationChannelEnum, type NotificationChannel } from "./notification.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";

export const NotificationConnection = connectionOf(Notification, "Notification");

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationChannelEnum], { nullable: true, description: "IN_APP (subscription) and/or WEBHOOK" })
  channels?: NotificationChannel[];

  @Field(() => [Int], { nullable: true, description: "Minutes before an SLA runs out, e.g. [30, 10]" })
  leadMinutes?: number[];
}
