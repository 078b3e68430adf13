import type { Route } from "./app.js";
import { bookingCalendarRoute } from "../modules/cse/booking-calendar.route.js";
import { eventsApiRoute } from "../modules/integrations/events-api.route.js";

/** Plain HTTP endpoints served beside /graphql (calendar files, event intake, …). */
export const routes: Route[] = [bookingCalendarRoute];
routes.push(eventsApiRoute);
