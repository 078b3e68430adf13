import { Field, ID, InputType } from "type-graphql";
import { z } from "zod";
import { SEVERITIES, TICKET_PRIORITIES, type Severity, type TicketPriority } from "@liaison/domain";
import { Alert, EVENT_SEVERITIES } from "./integration.entity.js";
import { SeverityEnum } from "../incidents/index.js";
import { TicketPriorityEnum } from "../support/index.js";
import { connectionOf } from "../../platform/graphql/connection.js";
import { Id, Name } from "../../platform/validation.js";

@InputType()
export class CreateServiceInput {
  static readonly schema = z.object({ name: Name(200), escalationPolicyId: Id.nullish() });

  @Field(() => String)
  name: string;

  @Field(() => ID, { nullable: true, description: "Pages for its tickets; its first level owns them" })
  escalationPolicyId?: string | null;
}

@InputType()
export class TicketPriorityMappingInput {
  static readonly schema = z.object({ severity: z.enum(EVENT_SEVERITIES), priority: z.enum(TICKET_PRIORITIES) });

  @Field(() => String, { description: "critical, error, warning or info" })
  severity: string;

  @Field(() => TicketPriorityEnum)
  priority: TicketPriority;
}

@InputType()
export class IncidentSeverityMappingInput {
  static readonly schema = z.object({ severity: z.enum(EVENT_SEVERITIES), incidentSeverity: z.enum(SEVERITIES) });

  @Field(() => String, { description: "critical, error, warning or info" })
  severity: string;

  @Field(() => SeverityEnum)
  incidentSeverity: Severity;
}

@InputType()
export class CreateIntegrationInput {
  static readonly schema = z.object({
    serviceId: Id,
    name: Name(200),
    accountId: Id.nullish(),
    openTicket: z.boolean().default(false),
    ticketPriorities: z.array(TicketPriorityMappingInput.schema).max(4).nullish(),
    incidentSeverities: z.array(IncidentSeverityMappingInput.schema).max(4).default([]),
    componentIds: z.array(Id).max(100).default([]),
  });

  @Field(() => ID)
  serviceId: string;

  @Field(() => String)
  name: string;

  @Field(() => ID, { nullable: true, description: "The account tickets are opened for" })
  accountId?: string | null;

  @Field(() => Boolean, { nullable: true, description: "A new alert opens a ticket" })
  openTicket?: boolean;

  @Field(() => [TicketPriorityMappingInput], {
    nullable: true,
    description: "Default: critical P1, error P2, warning P3, info P4",
  })
  ticketPriorities?: TicketPriorityMappingInput[];

  @Field(() => [IncidentSeverityMappingInput], {
    nullable: true,
    description: "Event severities that report an incident, e.g. critical → SEV2",
  })
  incidentSeverities?: IncidentSeverityMappingInput[];

  @Field(() => [ID], { nullable: true, description: "Components of incidents it reports" })
  componentIds?: string[];
}

export const AlertConnection = connectionOf(Alert, "Alert");
