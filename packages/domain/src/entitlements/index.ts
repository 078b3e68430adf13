// Customer Success Engineer entitlements: the usage policy as data, and the rules that read it.
export * from "./vocabulary.js";
export {
  CSE_CAPS,
  CAP_PERIOD,
  SHARED_CONSULTATION_POOLS,
  PROFESSIONAL_SERVICES_HINT,
  type SharedConsultationPool,
} from "./caps-table.js";
export {
  CSE_ACTIVITY_DETAILS,
  totalDurationMinutes,
  type CseActivityDetails,
  type ProductRequirements,
  type SessionPart,
  type TimeCommitment,
} from "./activity-details.js";
export { capFor, sharedPoolFor } from "./cap-for.js";
export type { UsedThisYear } from "./usage-against-cap.js";
export {
  checkProductRequirements,
  type MissingProducts,
  type ProductRequirementCheck,
} from "./check-product-requirements.js";
export { decideBooking, type BookingDecision, type BookingRequest } from "./decide-booking.js";
export { summarizeEntitlements, type ActivityEntitlement, type EntitlementsInput } from "./summarize-entitlements.js";
export { contractYearAt, type ContractYear, type ContractYearResult } from "./contract-year-at.js";
export { tierAt, type TierChange } from "./tier-at.js";
export {
  DEFAULT_WORKING_HOURS,
  type Weekday,
  type WeeklyHours,
  type WorkingHours,
  type WorkingHoursRange,
} from "./weekly-hours.js";
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
export { checkCancellation, type BookingStatus, type CancellationCheck } from "./check-cancellation.js";
