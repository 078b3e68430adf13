import type { Impact } from "../incidents/index.js";
import type { ComponentStatus } from "./status-vocabulary.js";
import { worstComponentStatus } from "./worst-component-status.js";

export type PublicImpactInput = {
  /** The impact someone assessed; null while nobody has. */
  assessedImpact: Impact | null;
  /** The incident's updates in any order, with the component statuses each one set. */
  updates: readonly {
    sequence: number;
    componentStatuses: readonly { componentId: string; status: ComponentStatus }[];
  }[];
  resolved: boolean;
};

// Statuspage's incident impact from component statuses: major outage → critical, partial → major, degraded → minor.
const BY_STATUS: Record<ComponentStatus, Impact> = {
  OPERATIONAL: "NONE",
  UNDER_MAINTENANCE: "NONE",
  DEGRADED_PERFORMANCE: "MINOR",
  PARTIAL_OUTAGE: "MAJOR",
  MAJOR_OUTAGE: "CRITICAL",
};

/**
 * The impact customers read: the one someone assessed, else what the component statuses people set in
 * the incident's updates say — while open, the latest per component; once resolved, the worst it came to.
 * Never the impact presumed from the severity, which nobody decided for customers.
 */
export function publicImpact(input: PublicImpactInput): Impact {
  if (input.assessedImpact !== null) return input.assessedImpact;
  const set = input.updates.flatMap((u) => u.componentStatuses.map((c) => ({ ...c, sequence: u.sequence })));
  if (input.resolved) return BY_STATUS[worstComponentStatus(set.map((c) => c.status))];
  const latest = new Map<string, ComponentStatus>();
  for (const c of set.sort((a, b) => a.sequence - b.sequence)) latest.set(c.componentId, c.status);
  return BY_STATUS[worstComponentStatus([...latest.values()])];
}
