import type { MaintenanceAction, MaintenanceStatus } from "./maintenance-vocabulary.js";

export type MaintenanceTransitionDecision =
  { allowed: true; to: MaintenanceStatus; componentsEditable: boolean } | { allowed: false; reason: string };

const TARGET: Record<MaintenanceAction, Partial<Record<MaintenanceStatus, MaintenanceStatus>>> = {
  UPDATE: { SCHEDULED: "SCHEDULED", IN_PROGRESS: "IN_PROGRESS" },
  START: { SCHEDULED: "IN_PROGRESS" },
  COMPLETE: { IN_PROGRESS: "COMPLETED" },
  CANCEL: { SCHEDULED: "CANCELLED" },
};

const VERB: Record<MaintenanceAction, string> = {
  UPDATE: "updated",
  START: "started",
  COMPLETE: "completed",
  CANCEL: "cancelled",
};

/**
 * What may happen to a maintenance window in each status. A finished or cancelled window is history;
 * a window in progress is completed, not cancelled, and keeps its components (they are under maintenance).
 */
export function checkMaintenanceTransition(
  from: MaintenanceStatus,
  action: MaintenanceAction,
): MaintenanceTransitionDecision {
  const to = TARGET[action][from];
  if (to === undefined)
    return {
      allowed: false,
      reason: `a ${from.toLowerCase().replace("_", " ")} maintenance cannot be ${VERB[action]}`,
    };
  return { allowed: true, to, componentsEditable: from === "SCHEDULED" };
}
