import type { ComponentStatus } from "../status/status-vocabulary.js";

export interface AfterMaintenanceInput {
  /** The component's status now; only a component still UNDER_MAINTENANCE is handed back. */
  current: ComponentStatus;
  /** What it showed when the window started. */
  before: ComponentStatus;
  /** Another maintenance window still in progress covers it. */
  otherMaintenanceInProgress: boolean;
  /** An unresolved incident still lists it. */
  openIncident: boolean;
}

/**
 * The status a component returns to when its maintenance window ends, or null to leave it alone.
 * Someone who set another status during the window (an incident, say) has the last word; trouble that
 * was showing before the window comes back only while an open incident still explains it.
 */
export function statusAfterMaintenance(input: AfterMaintenanceInput): ComponentStatus | null {
  if (input.current !== "UNDER_MAINTENANCE" || input.otherMaintenanceInProgress) return null;
  if (input.before === "UNDER_MAINTENANCE") return "OPERATIONAL";
  if (input.before !== "OPERATIONAL" && !input.openIncident) return "OPERATIONAL";
  return input.before;
}
