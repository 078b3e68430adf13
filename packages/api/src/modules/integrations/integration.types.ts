import { Field, ID, InputType } from "type-graphql";
import type { Severity, TicketPriority } from "@liaison/domain";
import { Alert } from "./integration.entity.js";
import { SeverityEnum } from "../incidents/index.js";
import { TicketPriorityEnum } from "../support/index.js";
import { connectionOf } from "../../platform/graphql/connection.js";

@InputType()
export class CreateServiceInput {
  @Field(() => String)
  name: string;

  @Field(() => ID, { nullable: true, description: "Pages for its tickets; its first level owns them" })
  escalationPolicyId?: string | null;
}

@InputType()
export class TicketPriorityMappingInput {
  @Field(() => String, { description: "critical, error, warning or info" })
  severity: string;

  @Field(() => TicketPriorityEnum)
  priority: TicketPriority;
}

@InputType()
export class IncidentSeverityMappingInput {
  @Field(() => String, { description: "critical, error, warning or info" })
  severity: string;

  @Field(() => SeverityEnum)
  incidentSeverity: Severity;
}

@InputType()
export class CreateIntegrationInput {
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
