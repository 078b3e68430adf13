export { ScheduledMaintenance } from "./scheduled-maintenance.entity.js";
export {
  completeScheduledMaintenance,
  createScheduledMaintenance,
  openMaintenances,
  preloadMaintenances,
  startScheduledMaintenance,
} from "./scheduled-maintenance.js";
export { maintenanceModule } from "./maintenance.module.js";
