import {
  CADENCE_OBLIGATIONS,
  IMPACTS,
  INCIDENT_STATUSES,
  REPORT_KINDS,
  SEVERITIES,
  UPDATE_VISIBILITIES,
} from "@liaison/domain";
import type { Role } from "../../platform/access/roles.js";
import { graphqlEnum } from "../../platform/graphql/enum.js";

export const INCIDENT_SOURCES = ["MONITORING", "CUSTOMER_TICKET", "PERSON"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_ROLES = ["COMMANDER", "LIAISON"] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];
export const COMPLIANCE_STATES = ["MET", "MISSED", "PENDING"] as const;

/** Who may report incidents and post to them. */
export const INCIDENT_WRITERS: Role[] = ["ADMIN", "RESPONDER", "SUPPORT_AGENT"];

export const IncidentStatusEnum = graphqlEnum(INCIDENT_STATUSES, "IncidentStatus");
export const SeverityEnum = graphqlEnum(SEVERITIES, "Severity", "SEV1 and SEV2 are major incidents");
export const ImpactEnum = graphqlEnum(IMPACTS, "Impact");
export const UpdateVisibilityEnum = graphqlEnum(UPDATE_VISIBILITIES, "UpdateVisibility");
export const CadenceObligationEnum = graphqlEnum(CADENCE_OBLIGATIONS, "CadenceObligation");
export const ReportKindEnum = graphqlEnum(REPORT_KINDS, "IncidentReportKind");
export const IncidentSourceEnum = graphqlEnum(INCIDENT_SOURCES, "IncidentSource");
export const IncidentRoleEnum = graphqlEnum(INCIDENT_ROLES, "IncidentRole");
export const ComplianceStateEnum = graphqlEnum(COMPLIANCE_STATES, "ComplianceState");

const TIMELINE_KINDS = [
  "PLAYBOOK_STARTED",
  "LIAISON_ASSIGNED",
  "COMMANDER_ASSIGNED",
  "BRIDGE_ATTACHED",
  "ROLE_NOTIFIED",
  "ROLE_UNFILLED",
  "PUBLISHED",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export const TimelineKindEnum = graphqlEnum(TIMELINE_KINDS, "IncidentTimelineKind");
