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
export { checkCancellation, type BookingStatus, type CancellationCheck } from "./check-cancellation.js";
