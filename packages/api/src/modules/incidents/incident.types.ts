import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import type {
  CadenceObligation,
  ComponentStatus,
  Impact,
  IncidentStatus,
  ReportKind,
  Severity,
  UpdateVisibility,
} from "@liaison/domain";
import { Incident } from "./incident.entity.js";
import {
  CadenceObligationEnum,
  ImpactEnum,
  IncidentSourceEnum,
  IncidentStatusEnum,
  ReportKindEnum,
  SeverityEnum,
  UpdateVisibilityEnum,
  type IncidentSource,
} from "./incident.enums.js";
import { ComponentStatusEnum } from "../components/index.js";
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

@InputType()
export class ComponentStatusInput {
  @Field(() => ID)
  componentId: string;

  @Field(() => ComponentStatusEnum)
  status: ComponentStatus;
}

@InputType()
export class ReportIncidentInput {
  @Field(() => String, { nullable: true, description: "Required unless the template gives one" })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "The name customers read once it is public (else the title)" })
  publicTitle?: string | null;

  @Field(() => SeverityEnum, { nullable: true, description: "Required unless the template gives one" })
  severity?: Severity | null;

  @Field(() => [ID], { nullable: true, description: "Left out: the template's, else none" })
  componentIds?: string[] | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => IncidentSourceEnum, { nullable: true })
  source?: IncidentSource;

  @Field(() => Date, { nullable: true, description: "When the problem was reported, if earlier than now" })
  reportedAt?: Date;

  @Field(() => ID, { nullable: true, description: "An IncidentTemplate filling what this input leaves out" })
  templateId?: string | null;
}

@InputType()
export class UpdateIncidentInput {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => String, { nullable: true, description: "The name customers read; null clears it (they read the title)" })
  publicTitle?: string | null;

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

  @Field(() => String, {
    nullable: true,
    description: "At most 5,000 characters; required unless the template gives one (its placeholders are filled)",
  })
  message?: string | null;

  @Field(() => UpdateVisibilityEnum, { nullable: true, description: "Required unless the template gives one" })
  visibility?: UpdateVisibility | null;

  @Field(() => [ComponentStatusInput], { nullable: true })
  componentStatuses?: ComponentStatusInput[];

  @Field(() => ID, { nullable: true, description: "An IncidentTemplate filling what this input leaves out" })
  templateId?: string | null;
}

@InputType()
export class PublishIncidentReportInput {
  @Field(() => ReportKindEnum)
  kind: ReportKind;

  @Field(() => String, { nullable: true, description: "Required unless the template gives one (its message)" })
  summary?: string | null;

  @Field(() => String, { nullable: true })
  rootCause?: string | null;

  @Field(() => [String], { nullable: true })
  actionItems?: string[];

  @Field(() => ID, { nullable: true, description: "An IncidentTemplate whose message is the summary left out" })
  templateId?: string | null;
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
