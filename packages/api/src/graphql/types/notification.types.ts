import { Field, InputType, Int } from "type-graphql";
import { Notification } from "../../entities/notification.entity.js";
import { NotificationChannelEnum, type NotificationChannel } from "../enums.js";
import { connectionOf } from "./common.types.js";

export const NotificationConnection = connectionOf(Notification, "Notification");

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationChannelEnum], { nullable: true, description: "IN_APP (subscription) and/or WEBHOOK" })
  channels?: NotificationChannel[];

  @Field(() => [Int], { nullable: true, description: "Minutes before an SLA runs out, e.g. [30, 10]" })
  leadMinutes?: number[];
}
