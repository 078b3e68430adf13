import { describe, expect, it } from "vitest";
import { capFor, sharedPoolFor } from "./cap-for.js";
import { CSE_ACTIVITIES, SERVICE_TIERS } from "./vocabulary.js";

describe("capFor", () => {
  it("gives Gold Services up to 6 integration consultations a year", () => {
    expect(capFor("GOLD_SERVICES", "INTEGRATION_CONSULTATION")).toBe(6);
  });

  it("marks activities a tier lacks as not available", () => {
    expect(capFor("PREMIUM_SUPPORT", "ALERT_STRATEGIES_WORKSHOP")).toBeNull();
    expect(capFor("NO_SERVICES", "MATURITY_ASSESSMENT")).toBeNull();
  });

  it("never takes an entitlement away when moving up a tier", () => {
    for (const activity of CSE_ACTIVITIES) {
      const caps = SERVICE_TIERS.map((tier) => capFor(tier, activity) ?? 0);
      expect([...caps].sort((a, b) => a - b)).toEqual(caps);
    }
  });
});

describe("sharedPoolFor", () => {
  it("puts both consultations of a customer without services into one pool of one", () => {
    const integration = sharedPoolFor("NO_SERVICES", "INTEGRATION_CONSULTATION");
    expect(integration?.cap).toBe(1);
    expect(sharedPoolFor("NO_SERVICES", "PRODUCT_FEATURE_CONSULTATION")).toBe(integration);
  });

  it("keeps consultations separate on every paid tier", () => {
    for (const tier of ["PREMIUM_SUPPORT", "SILVER_SERVICES", "GOLD_SERVICES"] as const) {
      expect(sharedPoolFor(tier, "INTEGRATION_CONSULTATION")).toBeNull();
      expect(sharedPoolFor(tier, "PRODUCT_FEATURE_CONSULTATION")).toBeNull();
    }
  });

  it("shares nothing else", () => {
    expect(sharedPoolFor("NO_SERVICES", "PRODUCT_ROADMAP_SESSION")).toBeNull();
  });
});
