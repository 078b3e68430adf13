// When a CSE can take a session: weekly working hours, the slots they leave open, who is free.
export { DEFAULT_WORKING_HOURS, type WeeklyHours, type WorkingHours, type WorkingHoursRange } from "./weekly-hours.js";
export {
  validateWeeklyHours,
  type WeeklyHoursInput,
  type WeeklyHoursProblem,
  type WeeklyHoursValidation,
} from "./validate-weekly-hours.js";
export { isWithinWorkingHours } from "./is-within-working-hours.js";
export { candidateSlots } from "./candidate-slots.js";
export {
  BOOKING_HORIZON_DAYS,
  planBookingSessions,
  type PlannedSession,
  type SessionPlan,
  type SessionPlanProblem,
  type SessionPlanRequest,
} from "./plan-booking-sessions.js";
export {
  engineersAvailable,
  overlaps,
  type EngineerAvailability,
  type EngineerCalendar,
  type TimeRange,
} from "./engineers-available.js";
export { openSlots, type OpenSlot, type OpenSlotsRequest } from "./open-slots.js";
