import { CreatedAtColumn, IdColumn, TextColumn, TimestampColumn } from "../../platform/db/columns.js";
import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import type { EscalationTarget, LayerRestriction } from "@liaison/domain";

/** A policy's target as stored: a user, a schedule, or the manager of whoever owns the ticket. */
export type StoredTarget = EscalationTarget | { kind: "manager" };
export type StoredLevel = { timeoutMinutes: number; targets: StoredTarget[] };

@ObjectType("Schedule", { description: "An on-call schedule: rotation layers and overrides in one time zone" })
@Entity("oncall_schedule")
export class OncallSchedule {
  @IdColumn()
  id: string;

  @TextColumn()
  name: string;

  @Field(() => String, { description: "IANA time zone; handoffs and restrictions follow its wall clock" })
  @Column("text")
  timezone: string;

  @CreatedAtColumn()
  createdAt: Date;
}

@ObjectType()
export class LayerRestrictionView {
  @Field(() => Int, { nullable: true, description: "1 = Monday; absent for a daily window" })
  weekday: number | null;

  @Field(() => String, { description: "HH:MM local" })
  startTimeOfDay: string;

  @Field(() => Int)
  durationSeconds: number;
}

@ObjectType()
@Entity("schedule_layer")
export class ScheduleLayer {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column("uuid", { name: "schedule_id" })
  scheduleId: string;

  @Column("int")
  position: number;

  @TextColumn()
  name: string;

  @TimestampColumn("starts_at")
  start: Date;

  @TimestampColumn("ends_at", { nullable: true })
  end: Date | null;

  @Field(() => Int)
  @Column("int", { name: "rotation_turn_length_seconds" })
  rotationTurnLengthSeconds: number;

  @Column("uuid", { name: "user_ids", array: true })
  userIds: string[];

  @Column("jsonb", { default: () => "'[]'" })
  restrictions: LayerRestriction[];
}

@ObjectType()
@Entity("schedule_override")
export class ScheduleOverride {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "schedule_id" })
  scheduleId: string;

  @Column("uuid", { name: "user_id" })
  userId: string;

  @TimestampColumn("starts_at")
  start: Date;

  @TimestampColumn("ends_at")
  end: Date;

  @Column("timestamptz", { name: "created_at" })
  createdAt: Date;
}

@ObjectType()
@Entity("escalation_policy")
export class EscalationPolicy {
  @IdColumn()
  id: string;

  @TextColumn()
  name: string;

  @Field(() => Int, { description: "How many more times the levels run when nobody acknowledges" })
  @Column("int", { default: 0 })
  repeats: number;

  @Column("jsonb")
  levels: StoredLevel[];

  @CreatedAtColumn()
  createdAt: Date;
}
