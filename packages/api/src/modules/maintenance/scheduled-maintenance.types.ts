import { Field, ID, InputType } from "type-graphql";
import type { MaintenanceStatus } from "@liaison/domain";
import { ScheduledMaintenance } from "./scheduled-maintenance.entity.js";
import { MaintenanceStatusEnum } from "./maintenance.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";

@InputType()
export class CreateScheduledMaintenanceInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true, description: "Shown as the first update of the window" })
  description?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  componentIds: string[];

  @Field(() => Date)
  scheduledFor: Date;

  @Field(() => Date)
  scheduledUntil: Date;
}

@InputType()
export class UpdateScheduledMaintenanceInput {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: "Only before the window starts" })
  componentIds?: string[];

  @Field(() => Date, { nullable: true })
  scheduledFor?: Date;

  @Field(() => Date, { nullable: true })
  scheduledUntil?: Date;

  @Field(() => String, { nullable: true, description: "Posted as a public update of the window" })
  message?: string | null;
}

@InputType()
export class ScheduledMaintenanceFilter {
  @Field(() => [MaintenanceStatusEnum], { nullable: true })
  status?: MaintenanceStatus[];

  @Field(() => ID, { nullable: true })
  componentId?: string;

  @Field(() => Date, { nullable: true })
  scheduledAfter?: Date;

  @Field(() => Date, { nullable: true })
  scheduledBefore?: Date;
}

export const ScheduledMaintenanceConnection = connectionOf(ScheduledMaintenance, "ScheduledMaintenance");
