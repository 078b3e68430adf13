import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { z } from "zod";
import {
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  REPORT_KINDS,
  SEVERITIES,
  UPDATE_VISIBILITIES,
  type CadenceObligation,
  type ComponentStatus,
  type Impact,
  type IncidentStatus,
  type ReportKind,
  type Severity,
  type UpdateVisibility,
} from "@liaison/domain";
import { Incident } from "./incident.entity.js";
import {
  CadenceObligationEnum,
  ImpactEnum,
  INCIDENT_SOURCES,
  IncidentSourceEnum,
  IncidentStatusEnum,
  ReportKindEnum,
  SeverityEnum,
  UpdateVisibilityEnum,
  type IncidentSource,
} from "./incident.enums.js";
import { ComponentStatusEnum } from "../components/index.js";
import { connectionOf } from "../../platform/graphql/connection.js";
import { Id, LIMITS, Name, NotInFuture, OptionalName, OptionalText, RefId, Text } from "../../platform/validation.js";

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
  static readonly schema = z.object({ componentId: RefId, status: z.enum(COMPONENT_STATUSES) });

  @Field(() => ID)
  componentId: string;

  @Field(() => ComponentStatusEnum)
  status: ComponentStatus;
}

const ComponentStatuses = z
  .array(ComponentStatusInput.schema)
  .max(100)
  .refine((l) => new Set(l.map((c) => c.componentId)).size === l.length, "lists a component twice");

@InputType()
export class ReportIncidentInput {
  static readonly schema = (now: Date) =>
    z.object({
      title: Name(LIMITS.title),
      publicTitle: OptionalName(LIMITS.title),
      severity: z.enum(SEVERITIES),
      componentIds: z
        .array(RefId)
        .max(100)
        .nullish()
        .transform((ids) => ids ?? []),
      description: OptionalText(LIMITS.description),
      source: z.enum(INCIDENT_SOURCES).default("PERSON"),
      reportedAt: z.coerce.date().pipe(NotInFuture(now)).nullish(),
      templateId: RefId.nullish(),
    });

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
  static readonly schema = z.object({
    title: Name(LIMITS.title).optional(),
    /** null (or blank) clears it: customers then read the title. */
    publicTitle: OptionalName(LIMITS.title).optional(),
    severity: z.enum(SEVERITIES).optional(),
    description: OptionalText(LIMITS.description).optional(),
  });

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
  static readonly schema = z.object({
    impact: z.enum(IMPACTS),
    componentStatuses: ComponentStatuses,
    customersAffected: z.number().int().min(0).max(10_000_000).nullish(),
    summary: Text(LIMITS.message),
  });

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
  static readonly schema = z.object({
    status: z.enum(INCIDENT_STATUSES),
    // Both may come from the template instead (checked once it is known).
    message: Text(LIMITS.message).nullish(),
    visibility: z.enum(UPDATE_VISIBILITIES).nullish(),
    componentStatuses: ComponentStatuses.optional(),
    templateId: RefId.nullish(),
  });

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
  static readonly schema = z.object({
    kind: z.enum(REPORT_KINDS),
    summary: Text(LIMITS.summary).nullish(),
    rootCause: OptionalText(LIMITS.summary),
    actionItems: z.array(Text(1000)).max(100).default([]),
    templateId: RefId.nullish(),
  });

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
  static readonly schema = z
    .object({
      status: z.array(z.enum(INCIDENT_STATUSES)).nullish(),
      severity: z.array(z.enum(SEVERITIES)).nullish(),
      active: z.boolean().nullish(),
      componentId: Id.nullish(),
      reportedAfter: z.date().nullish(),
      reportedBefore: z.date().nullish(),
    })
    .nullish();

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
