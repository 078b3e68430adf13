export { bookSession } from "./bookings.js";
export { cseModule } from "./cse.module.js";
