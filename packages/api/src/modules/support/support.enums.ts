import { TICKET_PRIORITIES, TICKET_STATUSES } from "@liaison/domain";
import { graphqlEnum } from "../../platform/graphql/enum.js";

export const TICKET_SOURCES = ["PORTAL", "EMAIL", "PHONE", "EVENTS_API"] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];
export const SLA_SCHEDULE_KINDS = ["TWENTY_FOUR_SEVEN", "BUSINESS_HOURS"] as const;
export type SlaScheduleKind = (typeof SLA_SCHEDULE_KINDS)[number];

export const TicketPriorityEnum = graphqlEnum(TICKET_PRIORITIES, "TicketPriority", "P1 is the most urgent");
export const TicketStatusEnum = graphqlEnum(TICKET_STATUSES, "TicketStatus");
export const TicketSourceEnum = graphqlEnum(TICKET_SOURCES, "TicketSource");
export const SlaScheduleKindEnum = graphqlEnum(SLA_SCHEDULE_KINDS, "SlaScheduleKind");
