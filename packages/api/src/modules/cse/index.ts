export { CseActivityEnum, EntitlementRefusalEnum, SessionPartEnum } from "./cse.enums.js";
export { bookSession } from "./bookings.js";
export { cseModule } from "./cse.module.js";
