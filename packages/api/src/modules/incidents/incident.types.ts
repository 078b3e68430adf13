import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type {
  CadenceObligation,
  ComponentStatus,
  Impact,
  IncidentStatus,
  ReportKind,
  Severity,
  StatusIndicator,
  UpdateVisibility,
} from "@liaison/domain";
import { Component } from "../components/component.entity.js";
import { Incident } from "./incident.entity.js";
import { ScheduledMaintenance } from "../maintenance/scheduled-maintenance.entity.js";
import {
  CadenceObligationEnum,
  ComponentStatusEnum,
  ImpactEnum,
  IncidentSourceEnum,
  IncidentStatusEnum,
  ReportKindEnum,
  SeverityEnum,
  StatusIndicatorEnum,
  UpdateVisibilityEnum,
  type IncidentSource,
} from "../../platform/graphql/enums.js";
import { connectionOf } from "../../platform/graphql/connection.js";

@ObjectType()
export class Cadence {
  @Field(() => Date)
  impactAssessmentDueAt: Date;

  @Field(() => Date, { nullable: true })
  impactAssessedAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Null once resolved" })
  nextUpdateDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Null until resolved" })
  preliminaryReportDueAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Null until resolved" })
  postIncidentReportDueAt: Date | null;

  @Field(() => [CadenceObligationEnum], { description: "Evaluated at request time" })
  overdue: CadenceObligation[];
}

export const IncidentConnection = connectionOf(Incident, "Incident");

@ObjectType()
export class StatusPage {
  @Field(() => StatusIndicatorEnum)
  indicator: StatusIndicator;

  @Field(() => String)
  description: string;

  @Field(() => [Component])
  components: Component[];

  @Field(() => [Incident])
  activeIncidents: Incident[];

  @Field(() => [ScheduledMaintenance], { description: "Upcoming and in-progress maintenance, soonest first" })
  scheduledMaintenances: ScheduledMaintenance[];

  @Field(() => ID, { description: "The page's id (Statuspage's page.id)" })
  id: string;

  @Field(() => String, { description: "The organization's name" })
  name: string;

  @Field(() => String, { description: "IANA time zone of the page: uptime days are its local days" })
  timeZone: string;

  @Field(() => Date)
  updatedAt: Date;
}

@InputType()
export class ComponentStatusInput {
  @Field(() => ID)
  componentId: string;

  @Field(() => ComponentStatusEnum)
  status: ComponentStatus;
}

@InputType()
export class ReportIncidentInput {
  @Field(() => String)
  title: string;

  @Field(() => SeverityEnum)
  severity: Severity;

  @Field(() => [ID], { defaultValue: [] })
  componentIds: string[];

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => IncidentSourceEnum, { nullable: true })
  source?: IncidentSource;

  @Field(() => Date, { nullable: true, description: "When the problem was reported, if earlier than now" })
  reportedAt?: Date;
}

@InputType()
export class UpdateIncidentInput {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => SeverityEnum, { nullable: true })
  severity?: Severity;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@InputType()
export class AssessImpactInput {
  @Field(() => ImpactEnum)
  impact: Impact;

  @Field(() => [ComponentStatusInput])
  componentStatuses: ComponentStatusInput[];

  @Field(() => Int, { nullable: true })
  customersAffected?: number | null;

  @Field(() => String)
  summary: string;
}

@InputType()
export class PostStatusUpdateInput {
  @Field(() => IncidentStatusEnum)
  status: IncidentStatus;

  @Field(() => String, { description: "At most 5,000 characters" })
  message: string;

  @Field(() => UpdateVisibilityEnum)
  visibility: UpdateVisibility;

  @Field(() => [ComponentStatusInput], { nullable: true })
  componentStatuses?: ComponentStatusInput[];
}

@InputType()
export class PublishIncidentReportInput {
  @Field(() => ReportKindEnum)
  kind: ReportKind;

  @Field(() => String)
  summary: string;

  @Field(() => String, { nullable: true })
  rootCause?: string | null;

  @Field(() => [String], { nullable: true })
  actionItems?: string[];
}

@InputType()
export class IncidentFilter {
  @Field(() => [IncidentStatusEnum], { nullable: true })
  status?: IncidentStatus[];

  @Field(() => [SeverityEnum], { nullable: true })
  severity?: Severity[];

  @Field(() => Boolean, { nullable: true, description: "true: unresolved only; false: resolved only" })
  active?: boolean;

  @Field(() => ID, { nullable: true })
  componentId?: string;

  @Field(() => Date, { nullable: true })
  reportedAfter?: Date;

  @Field(() => Date, { nullable: true })
  reportedBefore?: Date;
}
