import type { ComponentStatus } from "./status-vocabulary.js";

// Statuspage's severity order, mildest first: maintenance is planned and announced, so it ranks
// below any unplanned degradation.
const SEVERITY: Record<ComponentStatus, number> = {
  OPERATIONAL: 0,
  UNDER_MAINTENANCE: 1,
  DEGRADED_PERFORMANCE: 2,
  PARTIAL_OUTAGE: 3,
  MAJOR_OUTAGE: 4,
};

/** Sorts component statuses mildest first; negative when `a` is milder than `b`. */
export function compareComponentStatus(a: ComponentStatus, b: ComponentStatus): number {
  return SEVERITY[a] - SEVERITY[b];
}

/** The most severe of the statuses; OPERATIONAL when there are none. */
export function worstComponentStatus(statuses: readonly ComponentStatus[]): ComponentStatus {
  return statuses.reduce<ComponentStatus>(
    (worst, s) => (compareComponentStatus(s, worst) > 0 ? s : worst),
    "OPERATIONAL",
  );
}
