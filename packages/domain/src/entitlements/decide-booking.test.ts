import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capFor } from "./cap-for.js";
import { decideBooking } from "./decide-booking.js";
import { CSE_ACTIVITIES, PRODUCTS, SERVICE_TIERS, type CseActivity } from "./vocabulary.js";

const EVERYTHING = [...PRODUCTS];

describe("decideBooking", () => {
  it("books a Gold customer's second Automation Ideation session and says none are left", () => {
    expect(
      decideBooking({
        tier: "GOLD_SERVICES",
        activity: "AUTOMATION_IDEATION_SESSION",
        products: ["RUNBOOK_AUTOMATION"],
        usedThisYear: { AUTOMATION_IDEATION_SESSION: 1 },
      }),
    ).toEqual({ allowed: true, cap: 2, used: 1, remaining: 0 });
  });

  it("turns away an activity the tier does not include", () => {
    expect(
      decideBooking({
        tier: "PREMIUM_SUPPORT",
        activity: "PRODUCT_ROADMAP_SESSION",
        products: EVERYTHING,
        usedThisYear: {},
      }),
    ).toEqual({
      allowed: false,
      reason: "NOT_ENTITLED",
      message: "Product Roadmap Sessions are not included in Premium Support.",
    });
  });

  it("turns away a customer without the required product", () => {
    expect(
      decideBooking({
        tier: "GOLD_SERVICES",
        activity: "ALERT_STRATEGIES_WORKSHOP",
        products: ["AIOPS"],
        usedThisYear: {},
      }),
    ).toEqual({
      allowed: false,
      reason: "PRODUCT_REQUIREMENT_UNMET",
      message: "Alert Strategies Workshops require Incident Management.",
      missing: { allOf: ["INCIDENT_MANAGEMENT"], anyOf: [] },
    });
  });

  it("turns away a session past the yearly cap and points to Professional Services", () => {
    const decision = decideBooking({
      tier: "SILVER_SERVICES",
      activity: "MATURITY_ASSESSMENT",
      products: ["INCIDENT_MANAGEMENT"],
      usedThisYear: { MATURITY_ASSESSMENT: 2 },
    });
    expect(decision).toMatchObject({
      allowed: false,
      reason: "ENTITLEMENT_EXHAUSTED",
      cap: 2,
      used: 2,
    });
    expect(decision.allowed === false && decision.message).toBe(
      "Maturity Assessments included in Silver Services: 2 of 2 used this contract year, and unused sessions do not roll over. Additional sessions may be available through a PagerDuty Professional Services engagement.",
    );
  });

  it("does not count other activities' sessions against the cap", () => {
    expect(
      decideBooking({
        tier: "PREMIUM_SUPPORT",
        activity: "INTEGRATION_CONSULTATION",
        products: ["INCIDENT_MANAGEMENT"],
        usedThisYear: {
          PRODUCT_FEATURE_CONSULTATION: 1,
          MATURITY_ASSESSMENT: 1,
        },
      }),
    ).toEqual({ allowed: true, cap: 2, used: 0, remaining: 1 });
  });

  describe("checks in order: entitlement, then products, then the cap", () => {
    it("reports a missing entitlement before missing products", () => {
      expect(
        decideBooking({
          tier: "NO_SERVICES",
          activity: "ALERT_STRATEGIES_WORKSHOP",
          products: [],
          usedThisYear: {},
        }),
      ).toMatchObject({ reason: "NOT_ENTITLED" });
    });

    it("reports missing products before an exhausted cap", () => {
      expect(
        decideBooking({
          tier: "GOLD_SERVICES",
          activity: "ALERT_STRATEGIES_WORKSHOP",
          products: [],
          usedThisYear: { ALERT_STRATEGIES_WORKSHOP: 1 },
        }),
      ).toMatchObject({ reason: "PRODUCT_REQUIREMENT_UNMET" });
    });
  });

  describe("customers without a service entitlement: one consultation a year, integration or product/feature (footnote 2)", () => {
    it("books their first consultation of either kind", () => {
      for (const activity of ["INTEGRATION_CONSULTATION", "PRODUCT_FEATURE_CONSULTATION"] as const) {
        expect(
          decideBooking({
            tier: "NO_SERVICES",
            activity,
            products: ["INCIDENT_MANAGEMENT"],
            usedThisYear: {},
          }),
        ).toEqual({ allowed: true, cap: 1, used: 0, remaining: 0 });
      }
    });

    it("turns away a product/feature consultation once an integration consultation was used", () => {
      const decision = decideBooking({
        tier: "NO_SERVICES",
        activity: "PRODUCT_FEATURE_CONSULTATION",
        products: ["INCIDENT_MANAGEMENT"],
        usedThisYear: { INTEGRATION_CONSULTATION: 1 },
      });
      expect(decision).toMatchObject({
        allowed: false,
        reason: "ENTITLEMENT_EXHAUSTED",
        cap: 1,
        used: 1,
      });
      expect(decision.allowed === false && decision.message).toBe(
        "Product/Feature Consultations and Integration Consultations share one allowance in No Services: 1 of 1 used this contract year, and unused sessions do not roll over. Additional sessions may be available through a PagerDuty Professional Services engagement.",
      );
    });

    it("turns away an integration consultation once a product/feature consultation was used", () => {
      expect(
        decideBooking({
          tier: "NO_SERVICES",
          activity: "INTEGRATION_CONSULTATION",
          products: ["AIOPS"],
          usedThisYear: { PRODUCT_FEATURE_CONSULTATION: 1 },
        }),
      ).toMatchObject({
        allowed: false,
        reason: "ENTITLEMENT_EXHAUSTED",
        cap: 1,
        used: 1,
      });
    });

    it("does not share the consultations of Premium Support customers", () => {
      expect(
        decideBooking({
          tier: "PREMIUM_SUPPORT",
          activity: "PRODUCT_FEATURE_CONSULTATION",
          products: ["AIOPS"],
          usedThisYear: { INTEGRATION_CONSULTATION: 2 },
        }),
      ).toEqual({ allowed: true, cap: 1, used: 0, remaining: 0 });
    });
  });

  it("lets a customer with every product book exactly the table's cap of each activity in a year, never more", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SERVICE_TIERS), fc.constantFrom(...CSE_ACTIVITIES), (tier, activity) => {
        const used: Partial<Record<CseActivity, number>> = {};
        let booked = 0;
        while (booked <= 10) {
          const decision = decideBooking({
            tier,
            activity,
            products: EVERYTHING,
            usedThisYear: used,
          });
          if (!decision.allowed) break;
          expect(decision.remaining).toBe(decision.cap - booked - 1);
          used[activity] = ++booked;
        }
        expect(booked).toBe(capFor(tier, activity) ?? 0);
      }),
    );
  });
});
