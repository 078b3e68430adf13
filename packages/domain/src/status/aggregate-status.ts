import type { Impact } from "../incidents/index.js";
import type { ComponentStatus, StatusIndicator } from "./status-vocabulary.js";

export type PageStatus = { indicator: StatusIndicator; description: string };

export type PageStatusInput = {
  componentStatuses: readonly ComponentStatus[];
  activeIncidentImpacts: readonly Impact[];
  maintenanceInProgress: boolean;
};

/*
 * Statuspage's top-level status, per support.atlassian.com/statuspage/docs/top-level-status-and-incident-impact-calculations
 * (colours: red CRITICAL, orange MAJOR, yellow MINOR, blue MAINTENANCE), Freshstatus's mirror of it, and live
 * status.json samples (one of two components degraded → minor, "Partially Degraded Service"). Worst rule first:
 *   every component MAJOR_OUTAGE (one alone too)      → CRITICAL    "Major System Outage"
 *   some MAJOR_OUTAGE, or every PARTIAL_OUTAGE        → MAJOR       "Partial System Outage"
 *   some PARTIAL_OUTAGE                               → MINOR       "Minor Service Outage"
 *   every component DEGRADED_PERFORMANCE, 2 or more   → MINOR       "Degraded System Service"
 *   some DEGRADED_PERFORMANCE (one alone too)         → MINOR       "Partially Degraded Service"
 *   some UNDER_MAINTENANCE, or a maintenance running  → MAINTENANCE "Service Under Maintenance"
 *   otherwise, including a page with no components    → NONE        "All Systems Operational"
 * Incidents move the status too (the doc: operational "unless there is an active incident"); we map the worst
 * impact like the indicator colours (CRITICAL → "Major System Outage", MAJOR → "Partial System Outage",
 * MINOR → "Minor Service Outage", NONE → nothing), and it wins only when more severe than the components.
 */
export function aggregateStatus(input: PageStatusInput): PageStatus {
  const fromComponents = componentRollup(input.componentStatuses, input.maintenanceInProgress);
  const fromIncidents = incidentRollup(input.activeIncidentImpacts);
  return RANK[fromIncidents.indicator] > RANK[fromComponents.indicator] ? fromIncidents : fromComponents;
}

// Maintenance is announced and planned: any unplanned trouble outranks it.
const RANK: Record<StatusIndicator, number> = {
  NONE: 0,
  MAINTENANCE: 1,
  MINOR: 2,
  MAJOR: 3,
  CRITICAL: 4,
};

const OPERATIONAL: PageStatus = {
  indicator: "NONE",
  description: "All Systems Operational",
};
const MAINTENANCE: PageStatus = {
  indicator: "MAINTENANCE",
  description: "Service Under Maintenance",
};
const MAJOR_SYSTEM_OUTAGE: PageStatus = {
  indicator: "CRITICAL",
  description: "Major System Outage",
};
const PARTIAL_SYSTEM_OUTAGE: PageStatus = {
  indicator: "MAJOR",
  description: "Partial System Outage",
};
const MINOR_SERVICE_OUTAGE: PageStatus = {
  indicator: "MINOR",
  description: "Minor Service Outage",
};
const DEGRADED_SYSTEM_SERVICE: PageStatus = {
  indicator: "MINOR",
  description: "Degraded System Service",
};
const PARTIALLY_DEGRADED_SERVICE: PageStatus = {
  indicator: "MINOR",
  description: "Partially Degraded Service",
};

function componentRollup(statuses: readonly ComponentStatus[], maintenanceInProgress: boolean): PageStatus {
  const some = (s: ComponentStatus) => statuses.includes(s);
  const every = (s: ComponentStatus) => statuses.length > 0 && statuses.every((x) => x === s);
  if (every("MAJOR_OUTAGE")) return MAJOR_SYSTEM_OUTAGE;
  if (some("MAJOR_OUTAGE") || every("PARTIAL_OUTAGE")) return PARTIAL_SYSTEM_OUTAGE;
  if (some("PARTIAL_OUTAGE")) return MINOR_SERVICE_OUTAGE;
  if (every("DEGRADED_PERFORMANCE") && statuses.length > 1) return DEGRADED_SYSTEM_SERVICE;
  if (some("DEGRADED_PERFORMANCE")) return PARTIALLY_DEGRADED_SERVICE;
  if (some("UNDER_MAINTENANCE") || maintenanceInProgress) return MAINTENANCE;
  return OPERATIONAL;
}

const BY_IMPACT: Record<Impact, PageStatus> = {
  NONE: OPERATIONAL,
  MINOR: MINOR_SERVICE_OUTAGE,
  MAJOR: PARTIAL_SYSTEM_OUTAGE,
  CRITICAL: MAJOR_SYSTEM_OUTAGE,
};

function incidentRollup(impacts: readonly Impact[]): PageStatus {
  return impacts
    .map((impact) => BY_IMPACT[impact])
    .reduce((worst, s) => (RANK[s.indicator] > RANK[worst.indicator] ? s : worst), OPERATIONAL);
}
