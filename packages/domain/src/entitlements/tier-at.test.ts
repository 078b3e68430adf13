import { describe, expect, it } from "vitest";
import { decideBooking } from "./decide-booking.js";
import { tierAt, type TierChange } from "./tier-at.js";

const d = (iso: string) => new Date(iso);

describe("tierAt", () => {
  const history: TierChange[] = [
    { tier: "GOLD_SERVICES", effectiveFrom: d("2025-07-01T00:00:00Z") },
    { tier: "PREMIUM_SUPPORT", effectiveFrom: d("2025-01-01T00:00:00Z") },
  ];

  it("uses the tier in force at the moment, whatever order the history comes in", () => {
    expect(tierAt(history, d("2025-03-15T10:00:00Z"))).toBe("PREMIUM_SUPPORT");
    expect(tierAt(history, d("2025-09-15T10:00:00Z"))).toBe("GOLD_SERVICES");
  });

  it("applies a change from the instant it takes effect", () => {
    expect(tierAt(history, d("2025-06-30T23:59:59.999Z"))).toBe("PREMIUM_SUPPORT");
    expect(tierAt(history, d("2025-07-01T00:00:00Z"))).toBe("GOLD_SERVICES");
  });

  it("knows no tier before the first one on record", () => {
    expect(tierAt(history, d("2024-12-31T23:59:59Z"))).toBeNull();
    expect(tierAt([], d("2025-01-01T00:00:00Z"))).toBeNull();
  });

  it("lets a correction recorded later win over a change at the same instant", () => {
    const at = d("2025-01-01T00:00:00Z");
    expect(
      tierAt(
        [
          { tier: "SILVER_SERVICES", effectiveFrom: at },
          { tier: "GOLD_SERVICES", effectiveFrom: at },
        ],
        at,
      ),
    ).toBe("GOLD_SERVICES");
  });
});

describe("a tier change in the middle of a contract year", () => {
  const upgradedInJuly: TierChange[] = [
    { tier: "SILVER_SERVICES", effectiveFrom: d("2025-01-01T00:00:00Z") },
    { tier: "GOLD_SERVICES", effectiveFrom: d("2025-07-01T00:00:00Z") },
  ];

  it("gives an upgraded customer the new tier's caps, minus what was already used this year", () => {
    const used = { AUTOMATION_IDEATION_SESSION: 1 }; // booked in March under Silver (cap 1)
    const tier = tierAt(upgradedInJuly, d("2025-09-10T14:00:00Z"));
    expect(tier).toBe("GOLD_SERVICES");
    expect(
      decideBooking({
        tier: tier ?? "NO_SERVICES",
        activity: "AUTOMATION_IDEATION_SESSION",
        products: ["WORKFLOW_AUTOMATION"],
        usedThisYear: used,
      }),
    ).toEqual({ allowed: true, cap: 2, used: 1, remaining: 0 });
  });

  it("holds a session taking place before the upgrade to the old tier's caps", () => {
    const tier = tierAt(upgradedInJuly, d("2025-05-10T14:00:00Z"));
    expect(
      decideBooking({
        tier: tier ?? "NO_SERVICES",
        activity: "AUTOMATION_IDEATION_SESSION",
        products: ["WORKFLOW_AUTOMATION"],
        usedThisYear: { AUTOMATION_IDEATION_SESSION: 1 },
      }),
    ).toMatchObject({
      allowed: false,
      reason: "ENTITLEMENT_EXHAUSTED",
      cap: 1,
      used: 1,
    });
  });

  it("counts sessions used before a downgrade against the lower tier's caps", () => {
    const downgraded: TierChange[] = [
      { tier: "GOLD_SERVICES", effectiveFrom: d("2025-01-01T00:00:00Z") },
      { tier: "SILVER_SERVICES", effectiveFrom: d("2025-07-01T00:00:00Z") },
    ];
    const tier = tierAt(downgraded, d("2025-08-01T09:00:00Z")) ?? "NO_SERVICES";
    expect(
      decideBooking({
        tier,
        activity: "MATURITY_ASSESSMENT",
        products: ["AIOPS"],
        usedThisYear: { MATURITY_ASSESSMENT: 2 },
      }),
    ).toMatchObject({
      allowed: false,
      reason: "ENTITLEMENT_EXHAUSTED",
      cap: 2,
      used: 2,
    });
    expect(
      decideBooking({
        tier,
        activity: "ALERT_STRATEGIES_WORKSHOP",
        products: ["INCIDENT_MANAGEMENT"],
        usedThisYear: {},
      }),
    ).toMatchObject({ allowed: false, reason: "NOT_ENTITLED" });
  });
});
