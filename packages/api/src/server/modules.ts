import { accountsModule } from "../modules/accounts/index.js";
import { adminModule } from "../modules/admin/index.js";
import { componentsModule } from "../modules/components/index.js";
import { cseModule } from "../modules/cse/index.js";
import { incidentsModule } from "../modules/incidents/index.js";
import { integrationsModule } from "../modules/integrations/index.js";
import { maintenanceModule } from "../modules/maintenance/index.js";
import { notificationsModule } from "../modules/notifications/index.js";
import { onCallModule } from "../modules/on-call/index.js";
import { organizationModule } from "../modules/organization/index.js";
import { statusPageModule } from "../modules/status-page/index.js";
import { supportModule } from "../modules/support/index.js";
import type { FeatureModule } from "../platform/module.js";

/** Every feature, lowest first: a module may import only those above it in this list (docs/architecture.md). */
export const featureModules: readonly FeatureModule[] = [
  accountsModule,
  adminModule,
  componentsModule,
  onCallModule,
  incidentsModule,
  maintenanceModule,
  supportModule,
  cseModule,
  integrationsModule,
  notificationsModule,
  statusPageModule,
  organizationModule,
];
