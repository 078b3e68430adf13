import type { FeatureModule } from "../../platform/module.js";
import { maintenanceAccess } from "./maintenance.access.js";
import { ScheduledMaintenance, ScheduledMaintenanceUpdate } from "./scheduled-maintenance.entity.js";
import { ScheduledMaintenanceResolver } from "./scheduled-maintenance.resolver.js";

export const maintenanceModule: FeatureModule = {
  name: "maintenance",
  access: maintenanceAccess,
  resolvers: [ScheduledMaintenanceResolver],
  entities: [ScheduledMaintenance, ScheduledMaintenanceUpdate],
};
