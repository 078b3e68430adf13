import { expect, it } from "vitest";
import * as entitlements from "./index.js";

it("offers the entitlement rules from one entry point", () => {
  expect(Object.keys(entitlements).sort()).toEqual(
    [
      "CAP_PERIOD",
      "CSE_ACTIVITIES",
      "CSE_ACTIVITY_DETAILS",
      "CSE_CAPS",
      "PRODUCTS",
      "PRODUCT_NAMES",
      "PROFESSIONAL_SERVICES_HINT",
      "SERVICE_TIERS",
      "SERVICE_TIER_NAMES",
      "SHARED_CONSULTATION_POOLS",
      "capFor",
      "checkProductRequirements",
      "contractYearAt",
      "decideBooking",
      "isCseActivity",
      "isProduct",
      "isServiceTier",
      "sharedPoolFor",
      "summarizeEntitlements",
      "tierAt",
      "totalDurationMinutes",
      "checkCancellation",
    ].sort(),
  );
});
