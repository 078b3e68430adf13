// Words and symbols for every status: status is never told by colour alone.
import type { ComponentStatus, Impact, IncidentStatus, Indicator, MaintenanceStatus } from "./types.js";

export const COMPONENT_STATUS_LABEL: Record<ComponentStatus, string> = {
  OPERATIONAL: "Operational",
  DEGRADED_PERFORMANCE: "Degraded performance",
  PARTIAL_OUTAGE: "Partial outage",
  MAJOR_OUTAGE: "Major outage",
  UNDER_MAINTENANCE: "Under maintenance",
};

export type Tone = "ok" | "minor" | "major" | "critical" | "maintenance" | "none";

export const COMPONENT_TONE: Record<ComponentStatus, Tone> = {
  OPERATIONAL: "ok",
  DEGRADED_PERFORMANCE: "minor",
  PARTIAL_OUTAGE: "major",
  MAJOR_OUTAGE: "critical",
  UNDER_MAINTENANCE: "maintenance",
};

export const INDICATOR_TONE: Record<Indicator, Tone> = {
  NONE: "ok",
  MINOR: "minor",
  MAJOR: "major",
  CRITICAL: "critical",
  MAINTENANCE: "maintenance",
};

export const IMPACT_TONE: Record<Impact, Tone> = {
  NONE: "none",
  MINOR: "minor",
  MAJOR: "major",
  CRITICAL: "critical",
};

export const IMPACT_LABEL: Record<Impact, string> = {
  NONE: "No impact",
  MINOR: "Minor impact",
  MAJOR: "Major impact",
  CRITICAL: "Critical impact",
};

export function incidentStatusLabel(status: IncidentStatus): string {
  return { INVESTIGATING: "Investigating", IDENTIFIED: "Identified", MONITORING: "Monitoring", RESOLVED: "Resolved" }[
    status
  ];
}

export function maintenanceStatusLabel(status: MaintenanceStatus): string {
  return { SCHEDULED: "Scheduled", IN_PROGRESS: "In progress", COMPLETED: "Completed", CANCELLED: "Cancelled" }[status];
}

export function reportKindLabel(kind: "PRELIMINARY" | "POST_INCIDENT"): string {
  return kind === "PRELIMINARY" ? "Preliminary report" : "Post-incident report";
}

export function reportSlug(kind: "PRELIMINARY" | "POST_INCIDENT"): string {
  return kind === "PRELIMINARY" ? "preliminary" : "post-incident";
}
