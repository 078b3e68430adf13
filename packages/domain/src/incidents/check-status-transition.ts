import type { IncidentStatus } from "./incident-vocabulary.js";

export type StatusTransitionDecision =
  { allowed: true } | { allowed: false; code: "INCIDENT_RESOLVED"; reason: string };

/**
 * Like Statuspage, an open incident may move to any status, the same one or back
 * (MONITORING → INVESTIGATING when a fix fails). A resolved incident accepts only reports.
 */
export function checkStatusTransition(from: IncidentStatus, to: IncidentStatus): StatusTransitionDecision {
  if (from === "RESOLVED") {
    return {
      allowed: false,
      code: "INCIDENT_RESOLVED",
      reason: `incident is resolved; only reports may be published (asked for ${to})`,
    };
  }
  return { allowed: true };
}
