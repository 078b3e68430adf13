import { Field, InputType, Int, ObjectType } from "type-graphql";
import { Notification } from "../../entities/notification.entity.js";
import { NotificationChannelEnum, type NotificationChannel } from "../enums.js";
import { PageInfo } from "./common.types.js";

@ObjectType()
export class NotificationEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Notification)
  node: Notification;
}

@ObjectType()
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges: NotificationEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field(() => [NotificationChannelEnum], { nullable: true, description: "IN_APP (subscription) and/or WEBHOOK" })
  channels?: NotificationChannel[];

  @Field(() => [Int], { nullable: true, description: "Minutes before an SLA runs out, e.g. [30, 10]" })
  leadMinutes?: number[];
}
