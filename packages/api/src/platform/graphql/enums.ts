import { registerEnumType } from "type-graphql";
import {
  CSE_ACTIVITIES,
  PRODUCTS,
  SERVICE_TIERS,
  CADENCE_OBLIGATIONS,
  COMPONENT_STATUSES,
  IMPACTS,
  INCIDENT_STATUSES,
  REPORT_KINDS,
  SEVERITIES,
  STATUS_INDICATORS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  UPDATE_VISIBILITIES,
  MAINTENANCE_STATUSES,
} from "@liaison/domain";

export const ROLES = ["ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ["ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER"];

export const INCIDENT_SOURCES = ["MONITORING", "CUSTOMER_TICKET", "PERSON"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_ROLES = ["COMMANDER", "LIAISON"] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

/** A GraphQL enum whose values are the domain's string literals. */
export function graphqlEnum<const T extends readonly string[]>(values: T, name: string, description?: string) {
  const obj = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(obj, { name, ...(description ? { description } : {}) });
  return obj;
}

export const RoleEnum = graphqlEnum(ROLES, "Role");
export const IncidentStatusEnum = graphqlEnum(INCIDENT_STATUSES, "IncidentStatus");
export const SeverityEnum = graphqlEnum(SEVERITIES, "Severity", "SEV1 and SEV2 are major incidents");
export const ImpactEnum = graphqlEnum(IMPACTS, "Impact");
export const UpdateVisibilityEnum = graphqlEnum(UPDATE_VISIBILITIES, "UpdateVisibility");
export const CadenceObligationEnum = graphqlEnum(CADENCE_OBLIGATIONS, "CadenceObligation");
export const ReportKindEnum = graphqlEnum(REPORT_KINDS, "IncidentReportKind");
export const ComponentStatusEnum = graphqlEnum(COMPONENT_STATUSES, "ComponentStatus");
export const StatusIndicatorEnum = graphqlEnum(STATUS_INDICATORS, "StatusIndicator");
export const IncidentSourceEnum = graphqlEnum(INCIDENT_SOURCES, "IncidentSource");
export const IncidentRoleEnum = graphqlEnum(INCIDENT_ROLES, "IncidentRole");
export const MaintenanceStatusEnum = graphqlEnum(MAINTENANCE_STATUSES, "MaintenanceStatus");

// Customer Success Engineer sessions (CONTRACT.md): values are the domain's.
export const ServiceTierEnum = graphqlEnum(SERVICE_TIERS, "ServiceTier");
export const ProductEnum = graphqlEnum(PRODUCTS, "Product");
export const CseActivityEnum = graphqlEnum(CSE_ACTIVITIES, "CseActivity");
export const BOOKING_STATUSES = ["CONFIRMED", "CANCELLED"] as const;
export const BookingStatusEnum = graphqlEnum(BOOKING_STATUSES, "BookingStatus");
export const SESSION_PARTS = ["SESSION", "DISCOVERY", "FOLLOW_UP"] as const;
export const SessionPartEnum = graphqlEnum(
  SESSION_PARTS,
  "SessionPart",
  "One call of a booking: an Incident Lifecycle Assessment has a DISCOVERY and a FOLLOW_UP, other activities one SESSION",
);
export const ENTITLEMENT_REFUSALS = ["NOT_ENTITLED", "PRODUCT_REQUIREMENT_UNMET", "ENTITLEMENT_EXHAUSTED"] as const;
export const EntitlementRefusalEnum = graphqlEnum(ENTITLEMENT_REFUSALS, "EntitlementRefusal");
// Support tickets, on-call and escalation.
export const TICKET_SOURCES = ["PORTAL", "EMAIL", "PHONE", "EVENTS_API"] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];
export const SLA_SCHEDULE_KINDS = ["TWENTY_FOUR_SEVEN", "BUSINESS_HOURS"] as const;
export type SlaScheduleKind = (typeof SLA_SCHEDULE_KINDS)[number];
export const TicketPriorityEnum = graphqlEnum(TICKET_PRIORITIES, "TicketPriority", "P1 is the most urgent");
export const TicketStatusEnum = graphqlEnum(TICKET_STATUSES, "TicketStatus");
export const TicketSourceEnum = graphqlEnum(TICKET_SOURCES, "TicketSource");
export const SlaScheduleKindEnum = graphqlEnum(SLA_SCHEDULE_KINDS, "SlaScheduleKind");
export const NOTIFICATION_KINDS = [
  "SLA_WARNING",
  "SLA_BREACHED",
  "CADENCE_REMINDER",
  "CADENCE_OVERDUE",
  "PAGE",
  "INCIDENT_UPDATE",
  "TICKET_ASSIGNED",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindEnum = graphqlEnum(NOTIFICATION_KINDS, "NotificationKind");
export const NOTIFICATION_CHANNELS = ["IN_APP", "WEBHOOK"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const NotificationChannelEnum = graphqlEnum(NOTIFICATION_CHANNELS, "NotificationChannel");
export const COMPLIANCE_STATES = ["MET", "MISSED", "PENDING"] as const;
export const ComplianceStateEnum = graphqlEnum(COMPLIANCE_STATES, "ComplianceState");
