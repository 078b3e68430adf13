export { Component, byPosition } from "./component.entity.js";
export { ComponentStatusEnum, StatusIndicatorEnum } from "./component.enums.js";
export { componentLoaders } from "./component.loaders.js";
export { componentsModule } from "./components.module.js";
export { createComponent, listComponents, recordStatusChanges } from "./components.js";
