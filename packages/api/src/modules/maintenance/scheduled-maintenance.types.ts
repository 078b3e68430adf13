import { Field, ID, InputType, Int } from "type-graphql";
import { z } from "zod";
import { MAINTENANCE_STATUSES, type MaintenanceStatus } from "@liaison/domain";
import { ScheduledMaintenance } from "./scheduled-maintenance.entity.js";
import { MaintenanceStatusEnum } from "./maintenance.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";
import { Id, LIMITS, Name, OptionalText } from "../../platform/validation.js";

const ComponentIds = z
  .array(Id)
  .max(100)
  .refine((l) => new Set(l).size === l.length, "lists a component twice");

/** Up to a week ahead; 0 sends no reminder. */
const RemindBeforeMinutes = z.number().int().min(0).max(10_080);

@InputType()
export class CreateScheduledMaintenanceInput {
  static readonly schema = z.object({
    title: Name(LIMITS.title),
    description: OptionalText(LIMITS.description),
    componentIds: ComponentIds.default([]),
    scheduledFor: z.coerce.date(),
    scheduledUntil: z.coerce.date(),
    autoStart: z.boolean().default(true),
    autoComplete: z.boolean().default(true),
    remindBeforeMinutes: RemindBeforeMinutes.default(60),
  });

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

  @Field(() => Boolean, { defaultValue: true, description: "Start by itself at scheduledFor" })
  autoStart: boolean;

  @Field(() => Boolean, { defaultValue: true, description: "Complete by itself at scheduledUntil" })
  autoComplete: boolean;

  @Field(() => Int, {
    defaultValue: 60,
    description: "Remind subscribers this many minutes ahead (0 to 10080; 0: no reminder)",
  })
  remindBeforeMinutes: number;
}

@InputType()
export class UpdateScheduledMaintenanceInput {
  static readonly schema = z.object({
    title: Name(LIMITS.title).optional(),
    description: OptionalText(LIMITS.description).optional(),
    componentIds: ComponentIds.optional(),
    scheduledFor: z.coerce.date().nullish(),
    scheduledUntil: z.coerce.date().nullish(),
    message: OptionalText(LIMITS.message).optional(),
    autoStart: z.boolean().nullish(),
    autoComplete: z.boolean().nullish(),
    remindBeforeMinutes: RemindBeforeMinutes.nullish(),
  });

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

  @Field(() => Boolean, { nullable: true, description: "null keeps the setting" })
  autoStart?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "null keeps the setting" })
  autoComplete?: boolean | null;

  @Field(() => Int, { nullable: true, description: "0 to 10080; null keeps the setting" })
  remindBeforeMinutes?: number | null;
}

@InputType()
export class ScheduledMaintenanceFilter {
  static readonly schema = z
    .object({
      status: z.array(z.enum(MAINTENANCE_STATUSES)).nullish(),
      componentId: Id.nullish(),
      scheduledAfter: z.date().nullish(),
      scheduledBefore: z.date().nullish(),
    })
    .nullish();

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
