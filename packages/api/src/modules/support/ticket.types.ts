import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { z } from "zod";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from "@liaison/domain";
import { Ticket } from "./ticket.entity.js";
import {
  SLA_SCHEDULE_KINDS,
  SlaScheduleKindEnum,
  TICKET_SOURCES,
  TicketPriorityEnum,
  TicketSourceEnum,
  TicketStatusEnum,
  type SlaScheduleKind,
  type TicketSource,
} from "./support.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";
import { Id, LIMITS, Name, OptionalText, Text, refuseLocalDateOutOfRange } from "../../platform/validation.js";

@ObjectType({ description: "Where a ticket stands against its SLA, evaluated at request time" })
export class TicketSla {
  @Field(() => Date, { nullable: true, description: "Null once the first response has been given" })
  firstResponseDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Set while a customer follow-up awaits a reply" })
  nextResponseDueAt: Date | null;

  @Field(() => Boolean, { description: "At most 30 working minutes left on a running clock" })
  atRisk: boolean;

  @Field(() => Boolean)
  breached: boolean;

  @Field(() => Boolean, { description: "The clock waits on the customer" })
  paused: boolean;
}

export const TicketConnection = connectionOf(Ticket, "Ticket");

@InputType()
export class OpenTicketInput {
  static readonly schema = z.object({
    accountId: Id.nullish(),
    subject: Name(LIMITS.title),
    description: OptionalText(LIMITS.description),
    priority: z.enum(TICKET_PRIORITIES),
    requesterId: Id.nullish(),
    assigneeId: Id.nullish(),
    source: z.enum(TICKET_SOURCES).default("PORTAL"),
  });

  @Field(() => ID, { nullable: true, description: "Required for staff; a customer's own account otherwise" })
  accountId?: string | null;

  @Field(() => String)
  subject: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => TicketPriorityEnum)
  priority: TicketPriority;

  @Field(() => ID, { nullable: true, description: "The customer user who asked; hears the incident's updates" })
  requesterId?: string | null;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => TicketSourceEnum, { nullable: true })
  source?: TicketSource;
}

@InputType()
export class RespondToTicketInput {
  static readonly schema = z.object({
    message: Text(LIMITS.description),
    internal: z.boolean().default(false),
    status: z.enum(TICKET_STATUSES).nullish(),
  });

  @Field(() => String)
  message: string;

  @Field(() => Boolean, { nullable: true, description: "An internal note: staff only, no SLA effect" })
  internal?: boolean;

  @Field(() => TicketStatusEnum, { nullable: true, description: "Agents only, e.g. PENDING_CUSTOMER or SOLVED" })
  status?: TicketStatus | null;
}

@InputType()
export class UpdateTicketInput {
  static readonly schema = z.object({
    priority: z.enum(TICKET_PRIORITIES).optional(),
    status: z.enum(TICKET_STATUSES).optional(),
    assigneeId: Id.nullish(),
    subject: Name(LIMITS.title).optional(),
  });

  @Field(() => TicketPriorityEnum, { nullable: true })
  priority?: TicketPriority;

  @Field(() => TicketStatusEnum, { nullable: true })
  status?: TicketStatus;

  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true })
  subject?: string;
}

@InputType()
export class TicketFilter {
  static readonly schema = z
    .object({
      status: z.array(z.enum(TICKET_STATUSES)).nullish(),
      priority: z.array(z.enum(TICKET_PRIORITIES)).nullish(),
      open: z.boolean().nullish(),
      accountId: Id.nullish(),
      incidentId: Id.nullish(),
      assigneeId: Id.nullish(),
      createdAfter: z.date().nullish(),
      createdBefore: z.date().nullish(),
    })
    .nullish();

  @Field(() => [TicketStatusEnum], { nullable: true })
  status?: TicketStatus[];

  @Field(() => [TicketPriorityEnum], { nullable: true })
  priority?: TicketPriority[];

  @Field(() => Boolean, { nullable: true, description: "true: not solved or closed; false: solved or closed" })
  open?: boolean;

  @Field(() => ID, { nullable: true })
  accountId?: string;

  @Field(() => ID, { nullable: true })
  incidentId?: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => Date, { nullable: true })
  createdAfter?: Date;

  @Field(() => Date, { nullable: true })
  createdBefore?: Date;
}

@ObjectType()
export class SlaWeeklyRange {
  @Field(() => Int, { description: "1 = Monday … 7 = Sunday" })
  weekday: number;

  @Field(() => String, { description: "HH:MM" })
  start: string;

  @Field(() => String, { description: "HH:MM; 24:00 ends at midnight" })
  end: string;
}

@ObjectType()
export class SlaScheduleView {
  @Field(() => SlaScheduleKindEnum)
  kind: SlaScheduleKind;

  @Field(() => String, { nullable: true })
  timezone: string | null;

  @Field(() => [SlaWeeklyRange])
  weekly: SlaWeeklyRange[];

  @Field(() => [String])
  holidays: string[];
}

@ObjectType("SlaPolicy")
export class SlaPolicyView {
  @Field(() => TicketPriorityEnum)
  priority: TicketPriority;

  @Field(() => Int)
  firstResponseMinutes: number;

  @Field(() => Int)
  nextResponseMinutes: number;

  @Field(() => SlaScheduleView)
  schedule: SlaScheduleView;
}

const Minutes = z.number().int().min(1, "must be at least 1 minute").max(525_600, "must be at most a year");

@InputType()
export class SlaWeeklyRangeInput {
  static readonly schema = z.object({ weekday: z.number().int(), start: z.string(), end: z.string() });

  @Field(() => Int)
  weekday: number;

  @Field(() => String)
  start: string;

  @Field(() => String)
  end: string;
}

@InputType()
export class SlaScheduleInput {
  static readonly schema = z.object({
    kind: z.enum(SLA_SCHEDULE_KINDS),
    timezone: z.string().default("UTC"),
    weekly: z.array(SlaWeeklyRangeInput.schema).max(50).default([]),
    // validateSlaPolicy checks the shape and the calendar; the years we accept at all are the platform's.
    holidays: z.array(z.string().superRefine(refuseLocalDateOutOfRange)).max(1000).default([]),
  });

  @Field(() => SlaScheduleKindEnum)
  kind: SlaScheduleKind;

  @Field(() => String, { nullable: true })
  timezone?: string;

  @Field(() => [SlaWeeklyRangeInput], { nullable: true })
  weekly?: SlaWeeklyRangeInput[];

  @Field(() => [String], { nullable: true })
  holidays?: string[];
}

@InputType()
export class UpdateSlaPolicyInput {
  static readonly schema = z.object({
    firstResponseMinutes: Minutes,
    nextResponseMinutes: Minutes,
    schedule: SlaScheduleInput.schema,
  });

  @Field(() => Int)
  firstResponseMinutes: number;

  @Field(() => Int)
  nextResponseMinutes: number;

  @Field(() => SlaScheduleInput)
  schedule: SlaScheduleInput;
}
