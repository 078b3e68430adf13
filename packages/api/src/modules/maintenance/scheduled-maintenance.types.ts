import { Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import type { ComponentStatus, MaintenanceStatus } from "@liaison/domain";
import { ScheduledMaintenance } from "./scheduled-maintenance.entity.js";
import { ComponentStatusEnum, MaintenanceStatusEnum } from "../../platform/graphql/enums.js";
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

@ObjectType({
  description:
    "One local day of a component's uptime: a major outage counts fully, a partial outage at 30%, " +
    "degraded performance as up; maintenance time is left out",
})
export class UptimeDay {
  @Field(() => String, { description: "YYYY-MM-DD in the page's time zone" })
  date: string;

  @Field(() => Float, { nullable: true, description: "0–1; null when the day has no data" })
  uptime: number | null;

  @Field(() => Int, { description: "Milliseconds with a known status outside maintenance" })
  countedMs: number;

  @Field(() => Int, { description: "Weighted downtime in milliseconds" })
  downtimeMs: number;

  @Field(() => Int)
  majorOutageMs: number;

  @Field(() => Int)
  partialOutageMs: number;

  @Field(() => Int)
  degradedMs: number;

  @Field(() => Int)
  maintenanceMs: number;

  @Field(() => ComponentStatusEnum, { nullable: true, description: "Worst status shown outside maintenance" })
  worstStatus: ComponentStatus | null;
}
