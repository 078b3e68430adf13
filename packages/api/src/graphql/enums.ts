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
