import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type { TicketPriority, TicketStatus } from "@liaison/domain";
import { Ticket } from "./ticket.entity.js";
import {
  SlaScheduleKindEnum,
  TicketPriorityEnum,
  TicketSourceEnum,
  TicketStatusEnum,
  type SlaScheduleKind,
  type TicketSource,
} from "./support.enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";

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
  @Field(() => String)
  message: string;

  @Field(() => Boolean, { nullable: true, description: "An internal note: staff only, no SLA effect" })
  internal?: boolean;

  @Field(() => TicketStatusEnum, { nullable: true, description: "Agents only, e.g. PENDING_CUSTOMER or SOLVED" })
  status?: TicketStatus | null;
}

@InputType()
export class UpdateTicketInput {
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

@InputType()
export class SlaWeeklyRangeInput {
  @Field(() => Int)
  weekday: number;

  @Field(() => String)
  start: string;

  @Field(() => String)
  end: string;
}

@InputType()
export class SlaScheduleInput {
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
  @Field(() => Int)
  firstResponseMinutes: number;

  @Field(() => Int)
  nextResponseMinutes: number;

  @Field(() => SlaScheduleInput)
  schedule: SlaScheduleInput;
}
