// The pure rules of Liaison. No I/O, no clock: time is always a parameter.
export * from "./calendar/index.js";
export * from "./time/index.js";
export * from "./incidents/index.js";
export * from "./status/index.js";
export * from "./entitlements/index.js";
export * from "./scheduling/index.js";
export * from "./sla/index.js";
export * from "./oncall/index.js";
export * from "./maintenance/index.js";
export * from "./messages/index.js";
