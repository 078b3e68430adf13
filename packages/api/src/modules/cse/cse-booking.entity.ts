import { CreatedAtColumn, IdColumn, TextColumn, TimestampColumn } from "../../platform/db/columns.js";
import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import type { CseActivity, ServiceTier } from "@liaison/domain";
import { BookingStatusEnum, CseActivityEnum, type BOOKING_STATUSES } from "./cse.enums.js";
import { ServiceTierEnum } from "../accounts/index.js";

export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * A booked CSE engagement: one use of the activity's yearly cap, however many calls it takes.
 * Its calls sit on the CSE's calendar in `cse_session`, where the database forbids overlaps.
 */
@ObjectType("Booking")
@Entity("cse_booking")
export class CseBooking {
  @IdColumn()
  id: string;

  @Column("uuid", { name: "account_id" })
  accountId: string;

  @Field(() => CseActivityEnum)
  @Column("text")
  activity: CseActivity;

  @Field(() => BookingStatusEnum)
  @Column("text")
  status: BookingStatus;

  @Column("uuid", { name: "cse_id" })
  cseId: string;

  @Field(() => Date, { description: "Start of the first call; the booking counts in the contract year it falls in" })
  @Column("timestamptz", { name: "starts_at" })
  startsAt: Date;

  @TimestampColumn("ends_at")
  endsAt: Date;

  @Field(() => Date, { nullable: true, description: "Incident Lifecycle Assessments only" })
  @Column("timestamptz", { name: "follow_up_starts_at", nullable: true })
  followUpStartsAt: Date | null;

  @TimestampColumn("follow_up_ends_at", { nullable: true })
  followUpEndsAt: Date | null;

  @Field(() => ServiceTierEnum, { description: "The tier in force when the session takes place, as booked" })
  @Column("text")
  tier: ServiceTier;

  @TextColumn({ nullable: true })
  notes: string | null;

  @Column("text", { name: "idempotency_key", nullable: true })
  idempotencyKey: string | null;

  @Column("uuid", { name: "booked_by_id", nullable: true })
  bookedById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn("cancelled_at", { nullable: true })
  cancelledAt: Date | null;

  @Column("uuid", { name: "cancelled_by_id", nullable: true })
  cancelledById: string | null;
}

/** A CSE's weekly working hours in their own time zone. */
@Entity("cse_working_hours")
export class CseWorkingHours {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId: string;

  @Column("text")
  timezone: string;

  @Column("jsonb")
  weekly: { weekday: number; start: string; end: string }[];

  @Column("timestamptz", { name: "updated_at" })
  updatedAt: Date;
}
