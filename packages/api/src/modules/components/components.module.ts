import type { FeatureModule } from "../../platform/module.js";
import { componentsAccess } from "./components.access.js";
import { Component, ComponentStatusChange } from "./component.entity.js";
import { ComponentResolver } from "./component.resolver.js";

export const componentsModule: FeatureModule = {
  name: "components",
  access: componentsAccess,
  resolvers: [ComponentResolver],
  entities: [Component, ComponentStatusChange],
};
