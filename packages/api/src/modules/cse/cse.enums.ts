import { CSE_ACTIVITIES } from "@liaison/domain";
import { graphqlEnum } from "../../platform/graphql/enum.js";

export const CseActivityEnum = graphqlEnum(CSE_ACTIVITIES, "CseActivity");
export const BOOKING_STATUSES = ["CONFIRMED", "CANCELLED"] as const;
export const BookingStatusEnum = graphqlEnum(BOOKING_STATUSES, "BookingStatus");
export const SESSION_PARTS = ["SESSION", "DISCOVERY", "FOLLOW_UP"] as const;
export const SessionPartEnum = graphqlEnum(
  SESSION_PARTS,
  "SessionPart",
  "One call of a booking: an Incident Lifecycle Assessment has a DISCOVERY and a FOLLOW_UP, other activities one SESSION",
);
const ENTITLEMENT_REFUSALS = ["NOT_ENTITLED", "PRODUCT_REQUIREMENT_UNMET", "ENTITLEMENT_EXHAUSTED"] as const;
export const EntitlementRefusalEnum = graphqlEnum(ENTITLEMENT_REFUSALS, "EntitlementRefusal");
