import type { FeatureModule } from "../../platform/module.js";
import { maintenanceAccess } from "./maintenance.access.js";
import { QUEUES } from "../../platform/timers/queues.js";
import { runMaintenanceTimer } from "./maintenance-timers.js";
import { ScheduledMaintenance, ScheduledMaintenanceUpdate } from "./scheduled-maintenance.entity.js";
import { ScheduledMaintenanceResolver } from "./scheduled-maintenance.resolver.js";

export const maintenanceModule: FeatureModule = {
  name: "maintenance",
  access: maintenanceAccess,
  resolvers: [ScheduledMaintenanceResolver],
  entities: [ScheduledMaintenance, ScheduledMaintenanceUpdate],
  timers: { [QUEUES.maintenance]: runMaintenanceTimer },
};
