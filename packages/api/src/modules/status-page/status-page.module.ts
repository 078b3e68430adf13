import type { FeatureModule } from "../../platform/module.js";
import { StatusPageResolver } from "./status-page.resolver.js";

export const statusPageModule: FeatureModule = {
  name: "status-page",
  resolvers: [StatusPageResolver],
  entities: [],
};
