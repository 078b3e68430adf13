import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { EscalationPolicy, OncallSchedule } from "./oncall.entity.js";
import { User } from "../admin/index.js";

@InputType()
export class LayerRestrictionInput {
  @Field(() => Int, { nullable: true, description: "1 = Monday; omit for a daily window" })
  weekday?: number | null;

  @Field(() => String, { description: "HH:MM in the schedule's time zone" })
  startTimeOfDay: string;

  @Field(() => Int)
  durationSeconds: number;
}

@InputType()
export class ScheduleLayerInput {
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
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true, description: "IANA time zone (default UTC)" })
  timezone?: string;

  @Field(() => [ScheduleLayerInput], { description: "Later layers take precedence where they have someone" })
  layers: ScheduleLayerInput[];
}

@InputType()
export class AddScheduleOverrideInput {
  @Field(() => ID)
  userId: string;

  @Field(() => Date)
  start: Date;

  @Field(() => Date)
  end: Date;
}

@InputType()
export class EscalationTargetInput {
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
  @Field(() => Int, { description: "Minutes to wait for an acknowledgement before the next level" })
  timeoutMinutes: number;

  @Field(() => [EscalationTargetInput])
  targets: EscalationTargetInput[];
}

@InputType()
export class CreateEscalationPolicyInput {
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
