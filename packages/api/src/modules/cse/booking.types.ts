import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { z } from "zod";
import { CSE_ACTIVITIES, type CseActivity } from "@liaison/domain";
import { CseBooking } from "./cse-booking.entity.js";
import { CseActivityEnum, SessionPartEnum, type SESSION_PARTS } from "./cse.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";
import { OptionalText, RefId } from "../../platform/validation.js";
import { TimeZone } from "../accounts/index.js";

@InputType()
export class BookSessionInput {
  static readonly schema = z.object({
    accountId: RefId,
    activity: z.enum(CSE_ACTIVITIES),
    startsAt: z.date({ message: "must be a date-time" }),
    followUpStartsAt: z.date({ message: "must be a date-time" }).nullish(),
    notes: OptionalText(2000),
    idempotencyKey: z
      .string()
      .min(1, "must not be empty")
      .max(200, "must be at most 200 characters")
      .nullish()
      .transform((key) => key ?? null),
  });

  @Field(() => ID)
  accountId: string;

  @Field(() => CseActivityEnum)
  activity: CseActivity;

  @Field(() => Date, { description: "Start of the session (the discovery of an Incident Lifecycle Assessment)" })
  startsAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "Incident Lifecycle Assessments only: the 30-minute follow-up, after the discovery",
  })
  followUpStartsAt?: Date | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Replays with the same key return the same booking instead of booking again",
  })
  idempotencyKey?: string | null;
}

@ObjectType()
export class BookingSession {
  @Field(() => SessionPartEnum)
  part: (typeof SESSION_PARTS)[number];

  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;
}

export const BookingConnection = connectionOf(CseBooking, "Booking");

@ObjectType()
export class AvailableSlot {
  @Field(() => Date)
  startsAt: Date;

  @Field(() => Date)
  endsAt: Date;

  @Field(() => Int, { description: "How many CSEs are free then" })
  freeEngineers: number;
}

@InputType()
export class WorkingHoursRangeInput {
  static readonly schema = z.object({ weekday: z.number().int(), start: z.string().max(5), end: z.string().max(5) });

  @Field(() => Int, { description: "1 = Monday … 7 = Sunday" })
  weekday: number;

  @Field(() => String, { description: "HH:MM" })
  start: string;

  @Field(() => String, { description: "HH:MM, later than start; 24:00 for the end of the day" })
  end: string;
}

@InputType()
export class SetWorkingHoursInput {
  static readonly schema = z.object({
    timezone: TimeZone,
    weekly: z.array(WorkingHoursRangeInput.schema).max(7 * 24, "must have at most 168 ranges"),
  });

  @Field(() => String, { description: "IANA time zone the ranges are read in" })
  timezone: string;

  @Field(() => [WorkingHoursRangeInput])
  weekly: WorkingHoursRangeInput[];
}

@ObjectType()
export class WorkingHoursRange {
  @Field(() => Int)
  weekday: number;

  @Field(() => String)
  start: string;

  @Field(() => String)
  end: string;
}

@ObjectType()
export class WorkingHours {
  @Field(() => ID)
  userId: string;

  @Field(() => String)
  timezone: string;

  @Field(() => [WorkingHoursRange])
  weekly: WorkingHoursRange[];

  @Field(() => Boolean, { description: "False while the default hours (Monday–Friday 09:00–17:00 UTC) apply" })
  custom: boolean;
}
