import { describe, expect, it } from "vitest";
import {
  CSE_ACTIVITIES,
  isCseActivity,
  isProduct,
  isServiceTier,
  PRODUCT_NAMES,
  PRODUCTS,
  SERVICE_TIER_NAMES,
  SERVICE_TIERS,
} from "./vocabulary.js";

describe("the CSE vocabulary", () => {
  it("offers exactly the contract's service tiers, products and activities, in contract order", () => {
    expect(SERVICE_TIERS).toEqual(["NO_SERVICES", "PREMIUM_SUPPORT", "SILVER_SERVICES", "GOLD_SERVICES"]);
    expect(PRODUCTS).toEqual([
      "INCIDENT_MANAGEMENT",
      "AIOPS",
      "CUSTOMER_SERVICE_OPS",
      "RUNBOOK_AUTOMATION",
      "RUNBOOK_AUTOMATION_SELF_HOSTED",
      "WORKFLOW_AUTOMATION",
    ]);
    expect(CSE_ACTIVITIES).toEqual([
      "ALERT_STRATEGIES_WORKSHOP",
      "AUTOMATION_IDEATION_SESSION",
      "INCIDENT_LIFECYCLE_ASSESSMENT",
      "INTEGRATION_CONSULTATION",
      "MATURITY_ASSESSMENT",
      "PRODUCT_ROADMAP_SESSION",
      "PRODUCT_FEATURE_CONSULTATION",
    ]);
  });

  it("shows tiers and products to people by the names the usage policy uses", () => {
    expect(Object.values(SERVICE_TIER_NAMES)).toEqual([
      "No Services",
      "Premium Support",
      "Silver Services",
      "Gold Services",
    ]);
    expect(PRODUCT_NAMES.AIOPS).toBe("AIOps");
    expect(PRODUCT_NAMES.RUNBOOK_AUTOMATION_SELF_HOSTED).toBe("Runbook Automation Self-Hosted");
  });

  it("recognises the contract's names and nothing else", () => {
    expect(isServiceTier("GOLD_SERVICES")).toBe(true);
    expect(isServiceTier("PLATINUM_SERVICES")).toBe(false);
    expect(isProduct("AIOPS")).toBe(true);
    expect(isProduct("aiops")).toBe(false);
    expect(isCseActivity("MATURITY_ASSESSMENT")).toBe(true);
    expect(isCseActivity("HEALTH_CHECK")).toBe(false);
  });
});
