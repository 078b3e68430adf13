import type { FeatureModule } from "../../platform/module.js";
import { Component, ComponentStatusChange } from "./component.entity.js";
import { ComponentResolver } from "./component.resolver.js";

export const componentsModule: FeatureModule = {
  name: "components",
  resolvers: [ComponentResolver],
  entities: [Component, ComponentStatusChange],
};
