export { Component, byPosition } from "./component.entity.js";
export { ComponentStatusEnum, StatusIndicatorEnum } from "./component.enums.js";
export { componentsModule } from "./components.module.js";
export { announceStatusChanges, createComponent, listComponents, recordStatusChanges } from "./components.js";
