import { describe, expect, it } from "vitest";
import { usageAgainstCap } from "./usage-against-cap.js";

describe("usageAgainstCap", () => {
  it("counts only the activity's own sessions on a paid tier", () => {
    expect(
      usageAgainstCap("SILVER_SERVICES", "INTEGRATION_CONSULTATION", {
        INTEGRATION_CONSULTATION: 3,
        PRODUCT_FEATURE_CONSULTATION: 2,
      }),
    ).toEqual({ entitled: true, cap: 4, used: 3, sharedWith: [] });
  });

  it("counts a product/feature consultation against a customer without services' integration consultation", () => {
    expect(
      usageAgainstCap("NO_SERVICES", "INTEGRATION_CONSULTATION", {
        PRODUCT_FEATURE_CONSULTATION: 1,
      }),
    ).toEqual({
      entitled: true,
      cap: 1,
      used: 1,
      sharedWith: ["PRODUCT_FEATURE_CONSULTATION"],
    });
  });

  it("counts an integration consultation against a customer without services' product/feature consultation", () => {
    expect(
      usageAgainstCap("NO_SERVICES", "PRODUCT_FEATURE_CONSULTATION", {
        INTEGRATION_CONSULTATION: 1,
      }),
    ).toMatchObject({
      cap: 1,
      used: 1,
    });
  });

  it("treats an activity with no sessions recorded as unused", () => {
    expect(usageAgainstCap("GOLD_SERVICES", "MATURITY_ASSESSMENT", {})).toEqual({
      entitled: true,
      cap: 3,
      used: 0,
      sharedWith: [],
    });
  });

  it("reports what was used even where the tier is not entitled, e.g. after a downgrade", () => {
    expect(
      usageAgainstCap("PREMIUM_SUPPORT", "PRODUCT_ROADMAP_SESSION", {
        PRODUCT_ROADMAP_SESSION: 1,
      }),
    ).toEqual({
      entitled: false,
      used: 1,
    });
  });
});
