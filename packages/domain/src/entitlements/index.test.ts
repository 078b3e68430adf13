import { expect, it } from "vitest";
import * as entitlements from "./index.js";

it("offers the entitlement rules from one entry point", () => {
  expect(Object.keys(entitlements).sort()).toEqual(
    [
      "CAP_PERIOD",
      "CSE_ACTIVITIES",
      "CSE_ACTIVITY_DETAILS",
      "CSE_CAPS",
      "DEFAULT_WORKING_HOURS",
      "PRODUCTS",
      "PRODUCT_NAMES",
      "PROFESSIONAL_SERVICES_HINT",
      "SERVICE_TIERS",
      "SERVICE_TIER_NAMES",
      "SHARED_CONSULTATION_POOLS",
      "candidateSlots",
      "capFor",
      "checkProductRequirements",
      "contractYearAt",
      "decideBooking",
      "isCseActivity",
      "isProduct",
      "isServiceTier",
      "isWithinWorkingHours",
      "sharedPoolFor",
      "summarizeEntitlements",
      "tierAt",
      "totalDurationMinutes",
      "validateWeeklyHours",
      "BOOKING_HORIZON_DAYS",
      "planBookingSessions",
      "engineersAvailable",
      "overlaps",
      "openSlots",
      "checkCancellation",
    ].sort(),
  );
});
