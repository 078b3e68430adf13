import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { z } from "zod";
import { isValidTimeZone } from "@liaison/domain";
import { EscalationPolicy, OncallSchedule } from "./oncall.entity.js";
import { User } from "../admin/index.js";
import { Id, Name } from "../../platform/validation.js";

@InputType()
export class LayerRestrictionInput {
  static readonly schema = z.object({
    weekday: z.number().int().nullish(),
    startTimeOfDay: z.string(),
    durationSeconds: z.number().int(),
  });

  @Field(() => Int, { nullable: true, description: "1 = Monday; omit for a daily window" })
  weekday?: number | null;

  @Field(() => String, { description: "HH:MM in the schedule's time zone" })
  startTimeOfDay: string;

  @Field(() => Int)
  durationSeconds: number;
}

@InputType()
export class ScheduleLayerInput {
  static readonly schema = z.object({
    name: Name(200),
    start: z.coerce.date(),
    end: z.coerce.date().nullish(),
    rotationTurnLengthSeconds: z
      .number()
      .int()
      .min(60, "must be at least a minute")
      .max(365 * 86_400),
    userIds: z.array(Id).min(1, "must name at least one user").max(100),
    restrictions: z.array(LayerRestrictionInput.schema).max(50).default([]),
  });

  @Field(() => String)
  name: string;

  @Field(() => Date)
  start: Date;

  @Field(() => Date, { nullable: true })
  end?: Date | null;

  @Field(() => Int, { description: "e.g. 604800 for weekly handoffs" })
  rotationTurnLengthSeconds: number;

  @Field(() => [ID], { description: "Take turns in this order" })
  userIds: string[];

  @Field(() => [LayerRestrictionInput], { nullable: true })
  restrictions?: LayerRestrictionInput[];
}

@InputType()
export class CreateScheduleInput {
  static readonly schema = z.object({
    name: Name(200),
    timezone: z.string().refine(isValidTimeZone, "must be an IANA time zone such as Europe/Berlin").default("UTC"),
    layers: z.array(ScheduleLayerInput.schema).min(1, "must have at least one layer").max(20),
  });

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "IANA time zone (default UTC)" })
  timezone?: string;

  @Field(() => [ScheduleLayerInput], { description: "Later layers take precedence where they have someone" })
  layers: ScheduleLayerInput[];
}

@InputType()
export class AddScheduleOverrideInput {
  static readonly schema = z
    .object({ userId: Id, start: z.coerce.date(), end: z.coerce.date() })
    .refine((o) => o.end.getTime() > o.start.getTime(), { message: "must end after it starts", path: ["end"] });

  @Field(() => ID)
  userId: string;

  @Field(() => Date)
  start: Date;

  @Field(() => Date)
  end: Date;
}

@InputType()
export class EscalationTargetInput {
  static readonly schema = z
    .object({ userId: Id.nullish(), scheduleId: Id.nullish(), manager: z.boolean().nullish() })
    .refine(
      (t) => [!!t.userId, !!t.scheduleId, !!t.manager].filter(Boolean).length === 1,
      "give exactly one of userId, scheduleId or manager: true",
    );

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  scheduleId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "The manager of the ticket's owner (its assignee, else level one)",
  })
  manager?: boolean | null;
}

@InputType()
export class EscalationLevelInput {
  static readonly schema = z.object({
    timeoutMinutes: z.number().int().min(1, "must be at least 1 minute").max(1440),
    targets: z.array(EscalationTargetInput.schema).min(1, "must name someone to page").max(20),
  });

  @Field(() => Int, { description: "Minutes to wait for an acknowledgement before the next level" })
  timeoutMinutes: number;

  @Field(() => [EscalationTargetInput])
  targets: EscalationTargetInput[];
}

@InputType()
export class CreateEscalationPolicyInput {
  static readonly schema = z.object({
    name: Name(200),
    repeats: z.number().int().min(0).max(9).default(0),
    levels: z.array(EscalationLevelInput.schema).min(1, "must have at least one level").max(20),
  });

  @Field(() => String)
  name: string;

  @Field(() => Int, { nullable: true, description: "Times the levels run again after the last (0–9)" })
  repeats?: number;

  @Field(() => [EscalationLevelInput], { description: "Make managers the last level" })
  levels: EscalationLevelInput[];
}

@ObjectType()
export class EscalationTargetView {
  @Field(() => User, { nullable: true })
  user: User | null;

  @Field(() => OncallSchedule, { nullable: true })
  schedule: OncallSchedule | null;

  @Field(() => Boolean, { description: "The manager of the ticket's owner" })
  manager: boolean;
}

@ObjectType()
export class EscalationLevelView {
  @Field(() => Int, { description: "1-based" })
  level: number;

  @Field(() => Int)
  timeoutMinutes: number;

  @Field(() => [EscalationTargetView])
  targets: EscalationTargetView[];
}

@ObjectType()
export class OnCallEntryView {
  @Field(() => User)
  user: User;

  @Field(() => OncallSchedule, { nullable: true })
  schedule: OncallSchedule | null;

  @Field(() => EscalationPolicy, { nullable: true })
  escalationPolicy: EscalationPolicy | null;

  @Field(() => Int, { nullable: true })
  escalationLevel: number | null;

  @Field(() => String, { description: "override, layer:<name> or user (a policy's direct target)" })
  source: string;
}
