// The contract's incident enums, spelled exactly as the API exposes them; arrays feed zod and GraphQL.

export const INCIDENT_STATUSES = ["INVESTIGATING", "IDENTIFIED", "MONITORING", "RESOLVED"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const IMPACTS = ["NONE", "MINOR", "MAJOR", "CRITICAL"] as const;
export type Impact = (typeof IMPACTS)[number];

export const UPDATE_VISIBILITIES = ["PUBLIC", "INTERNAL"] as const;
export type UpdateVisibility = (typeof UPDATE_VISIBILITIES)[number];

export const CADENCE_OBLIGATIONS = [
  "IMPACT_ASSESSMENT",
  "STATUS_UPDATE",
  "PRELIMINARY_REPORT",
  "POST_INCIDENT_REPORT",
] as const;
export type CadenceObligation = (typeof CADENCE_OBLIGATIONS)[number];

export const REPORT_KINDS = ["PRELIMINARY", "POST_INCIDENT"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
