import type { FeatureModule } from "../../platform/module.js";
import { statusPageAccess } from "./status-page.access.js";
import { StatusPageResolver } from "./status-page.resolver.js";

export const statusPageModule: FeatureModule = {
  name: "status-page",
  access: statusPageAccess,
  resolvers: [StatusPageResolver],
  entities: [],
};
