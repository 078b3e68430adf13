import { describe, expect, it } from "vitest";
import { summarizeEntitlements, type ActivityEntitlement } from "./summarize-entitlements.js";
import { CSE_ACTIVITIES, type CseActivity } from "./vocabulary.js";

function row(rows: ActivityEntitlement[], activity: CseActivity): ActivityEntitlement {
  const found = rows.find((r) => r.activity === activity);
  if (!found) throw new Error(`no row for ${activity}`);
  return found;
}

describe("summarizeEntitlements", () => {
  it("lists every activity once, in the policy's order", () => {
    const rows = summarizeEntitlements({
      tier: "GOLD_SERVICES",
      products: [],
      usedThisYear: {},
    });
    expect(rows.map((r) => r.activity)).toEqual([...CSE_ACTIVITIES]);
  });

  it("shows a fresh Gold customer with every product the whole table, all bookable", () => {
    const rows = summarizeEntitlements({
      tier: "GOLD_SERVICES",
      products: ["INCIDENT_MANAGEMENT", "AIOPS", "RUNBOOK_AUTOMATION"],
      usedThisYear: {},
    });
    expect(rows.map((r) => [r.activity, r.cap, r.remaining, r.eligible])).toEqual([
      ["ALERT_STRATEGIES_WORKSHOP", 1, 1, true],
      ["AUTOMATION_IDEATION_SESSION", 2, 2, true],
      ["INCIDENT_LIFECYCLE_ASSESSMENT", 2, 2, true],
      ["INTEGRATION_CONSULTATION", 6, 6, true],
      ["MATURITY_ASSESSMENT", 3, 3, true],
      ["PRODUCT_ROADMAP_SESSION", 2, 2, true],
      ["PRODUCT_FEATURE_CONSULTATION", 4, 4, true],
    ]);
    expect(rows.every((r) => r.reason === null && r.reasonCode === null)).toBe(true);
  });

  it("explains an activity the tier does not include, with no cap and nothing remaining", () => {
    const rows = summarizeEntitlements({
      tier: "PREMIUM_SUPPORT",
      products: ["INCIDENT_MANAGEMENT"],
      usedThisYear: {},
    });
    expect(row(rows, "ALERT_STRATEGIES_WORKSHOP")).toEqual({
      activity: "ALERT_STRATEGIES_WORKSHOP",
      cap: null,
      used: 0,
      remaining: null,
      eligible: false,
      reason: "Alert Strategies Workshops are not included in Premium Support.",
      reasonCode: "NOT_ENTITLED",
    });
  });

  it("explains which products are missing while still showing the allowance", () => {
    const rows = summarizeEntitlements({
      tier: "SILVER_SERVICES",
      products: ["INCIDENT_MANAGEMENT"],
      usedThisYear: {},
    });
    expect(row(rows, "AUTOMATION_IDEATION_SESSION")).toMatchObject({
      cap: 1,
      used: 0,
      remaining: 1,
      eligible: false,
      reasonCode: "PRODUCT_REQUIREMENT_UNMET",
      reason:
        "Automation Ideation & Guidance Sessions require at least one of Runbook Automation, Runbook Automation Self-Hosted or Workflow Automation.",
    });
  });

  it("explains a cap reached this contract year", () => {
    const rows = summarizeEntitlements({
      tier: "SILVER_SERVICES",
      products: ["INCIDENT_MANAGEMENT"],
      usedThisYear: { INCIDENT_LIFECYCLE_ASSESSMENT: 1 },
    });
    expect(row(rows, "INCIDENT_LIFECYCLE_ASSESSMENT")).toMatchObject({
      cap: 1,
      used: 1,
      remaining: 0,
      eligible: false,
      reasonCode: "ENTITLEMENT_EXHAUSTED",
    });
    expect(row(rows, "INCIDENT_LIFECYCLE_ASSESSMENT").reason).toMatch(/Professional Services/);
  });

  it("shows a customer without services one shared consultation on both consultation rows (footnote 2)", () => {
    const before = summarizeEntitlements({
      tier: "NO_SERVICES",
      products: ["AIOPS"],
      usedThisYear: {},
    });
    for (const activity of ["INTEGRATION_CONSULTATION", "PRODUCT_FEATURE_CONSULTATION"] as const) {
      expect(row(before, activity)).toMatchObject({
        cap: 1,
        used: 0,
        remaining: 1,
        eligible: true,
      });
    }

    const after = summarizeEntitlements({
      tier: "NO_SERVICES",
      products: ["AIOPS"],
      usedThisYear: { PRODUCT_FEATURE_CONSULTATION: 1 },
    });
    for (const activity of ["INTEGRATION_CONSULTATION", "PRODUCT_FEATURE_CONSULTATION"] as const) {
      expect(row(after, activity)).toMatchObject({
        cap: 1,
        used: 1,
        remaining: 0,
        eligible: false,
        reasonCode: "ENTITLEMENT_EXHAUSTED",
      });
    }
    expect(after.filter((r) => r.cap !== null).map((r) => r.activity)).toEqual([
      "INTEGRATION_CONSULTATION",
      "PRODUCT_FEATURE_CONSULTATION",
    ]);
  });

  it("never shows a negative remainder after a downgrade left more sessions used than the new cap", () => {
    const rows = summarizeEntitlements({
      tier: "SILVER_SERVICES",
      products: ["INCIDENT_MANAGEMENT"],
      usedThisYear: { INTEGRATION_CONSULTATION: 5 },
    });
    expect(row(rows, "INTEGRATION_CONSULTATION")).toMatchObject({
      cap: 4,
      used: 5,
      remaining: 0,
      eligible: false,
    });
  });
});
