import type { Route } from "./app.js";
import { bookingCalendarRoute } from "./booking-calendar.route.js";
import { eventsApiRoute } from "./events-api.route.js";

/** Plain HTTP endpoints served beside /graphql (calendar files, event intake, …). */
export const routes: Route[] = [bookingCalendarRoute];
routes.push(eventsApiRoute);
