import type { FeatureModule } from "../../platform/module.js";
import { eventsApiRoute } from "./events-api.route.js";
import { Alert, Integration, Service } from "./integration.entity.js";
import { AlertResolver, ServiceResolver } from "./integration.resolver.js";

export const integrationsModule: FeatureModule = {
  name: "integrations",
  resolvers: [ServiceResolver, AlertResolver],
  entities: [Service, Integration, Alert],
  routes: [eventsApiRoute],
};
