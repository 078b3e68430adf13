import type { FeatureModule } from "../../platform/module.js";
import { ChangeEvent } from "./change-event.entity.js";
import { ChangeEventResolver, IncidentChangesResolver } from "./change-event.resolver.js";
import { eventsApiRoute } from "./events-api.route.js";
import { integrationsAccess } from "./integrations.access.js";
import { Alert, Integration, Service } from "./integration.entity.js";
import { AlertResolver, ServiceResolver } from "./integration.resolver.js";

export const integrationsModule: FeatureModule = {
  name: "integrations",
  access: integrationsAccess,
  resolvers: [ServiceResolver, AlertResolver, ChangeEventResolver, IncidentChangesResolver],
  entities: [Service, Integration, Alert, ChangeEvent],
  routes: [eventsApiRoute],
};
