import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { COMPONENT_STATUSES, type ComponentStatus } from "./status-vocabulary.js";
import { compareComponentStatus, worstComponentStatus } from "./worst-component-status.js";

describe("compareComponentStatus", () => {
  test("orders statuses from operational to major outage, maintenance just above operational", () => {
    const sorted = [...COMPONENT_STATUSES].sort(compareComponentStatus);
    expect(sorted).toEqual([
      "OPERATIONAL",
      "UNDER_MAINTENANCE",
      "DEGRADED_PERFORMANCE",
      "PARTIAL_OUTAGE",
      "MAJOR_OUTAGE",
    ]);
  });

  test("a status is as severe as itself", () => {
    for (const s of COMPONENT_STATUSES) expect(compareComponentStatus(s, s)).toBe(0);
  });
});

describe("worstComponentStatus", () => {
  test("a page without components is operational", () => {
    expect(worstComponentStatus([])).toBe("OPERATIONAL");
  });

  test("one major outage outweighs everything else", () => {
    expect(worstComponentStatus(["OPERATIONAL", "DEGRADED_PERFORMANCE", "MAJOR_OUTAGE", "PARTIAL_OUTAGE"])).toBe(
      "MAJOR_OUTAGE",
    );
  });

  test("degraded performance outweighs maintenance", () => {
    expect(worstComponentStatus(["UNDER_MAINTENANCE", "DEGRADED_PERFORMANCE"])).toBe("DEGRADED_PERFORMANCE");
  });

  test("maintenance outweighs operational", () => {
    expect(worstComponentStatus(["OPERATIONAL", "UNDER_MAINTENANCE"])).toBe("UNDER_MAINTENANCE");
  });

  test("is one of the statuses given, and none given is more severe", () => {
    const statuses = fc.array(fc.constantFrom<ComponentStatus>(...COMPONENT_STATUSES), { minLength: 1 });
    fc.assert(
      fc.property(statuses, (list) => {
        const worst = worstComponentStatus(list);
        expect(list).toContain(worst);
        for (const s of list) expect(compareComponentStatus(s, worst)).toBeLessThanOrEqual(0);
      }),
    );
  });
});
