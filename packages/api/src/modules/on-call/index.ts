export { EscalationPolicy, OncallSchedule } from "./oncall.entity.js";
export {
  createEscalationPolicy,
  createSchedule,
  firstOnCall,
  getEscalationPolicy,
  getSchedule,
  loadSchedules,
  policyForTicket,
  resolverOf,
  scheduleIdsOf,
} from "./oncall.js";
export { onCallModule } from "./on-call.module.js";
export { organizationRoster, scheduleRoster } from "./liaison-roster.js";
