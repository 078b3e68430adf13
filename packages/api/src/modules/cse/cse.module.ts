import type { FeatureModule } from "../../platform/module.js";
import { cseAccess } from "./cse.access.js";
import { bookingCalendarRoute } from "./booking-calendar.route.js";
import { BookingResolver, WorkingHoursResolver } from "./booking.resolver.js";
import { CseBooking, CseWorkingHours } from "./cse-booking.entity.js";
import { EntitlementSummaryResolver } from "./entitlement.resolver.js";

export const cseModule: FeatureModule = {
  name: "cse",
  access: cseAccess,
  resolvers: [BookingResolver, WorkingHoursResolver, EntitlementSummaryResolver],
  entities: [CseBooking, CseWorkingHours],
  routes: [bookingCalendarRoute],
};
