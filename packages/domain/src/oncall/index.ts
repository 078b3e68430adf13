export type { Layer, LayerRestriction, Schedule, ScheduleOverride } from "./schedule.js";
export { rotationTurnAt } from "./rotation-turn.js";
export { restrictionsCover } from "./restriction-covers.js";
export { layerOnCallAt } from "./layer-on-call.js";
export { whoIsOnCall, type OnCall, type OnCallSource } from "./who-is-on-call.js";
export { validateSchedule, type ScheduleProblem, type ScheduleValidation } from "./validate-schedule.js";
export type {
  EscalationLevel,
  EscalationPolicy,
  EscalationStep,
  EscalationTarget,
  ScheduleResolver,
} from "./escalation-policy.js";
export { escalationPlan } from "./escalation-plan.js";
export { nextEscalationStep, type EscalationProgress } from "./next-escalation-step.js";
export {
  MAX_ESCALATION_REPEATS,
  validateEscalationPolicy,
  type EscalationPolicyProblem,
  type EscalationPolicyValidation,
} from "./validate-escalation-policy.js";
