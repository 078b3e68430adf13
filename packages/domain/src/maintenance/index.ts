export {
  MAINTENANCE_ACTIONS,
  MAINTENANCE_STATUSES,
  type MaintenanceAction,
  type MaintenanceStatus,
} from "./maintenance-vocabulary.js";
export { checkMaintenanceTransition, type MaintenanceTransitionDecision } from "./check-maintenance-transition.js";
export { statusAfterMaintenance, type AfterMaintenanceInput } from "./status-after-maintenance.js";
