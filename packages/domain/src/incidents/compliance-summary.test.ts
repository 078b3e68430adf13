import { describe, expect, test } from "vitest";
import { complianceSummary } from "./compliance-summary.js";

const states = (...list: ("MET" | "MISSED" | "PENDING")[]) => list.map((state) => ({ state }));

describe("complianceSummary", () => {
  test("counts met, missed and pending, and the share met of those decided", () => {
    expect(complianceSummary(states("MET", "MET", "MET", "MISSED", "PENDING"))).toEqual({
      total: 5,
      met: 3,
      missed: 1,
      pending: 1,
      shareMet: 0.75,
    });
  });

  test("has no share rather than 0% while nothing is decided", () => {
    expect(complianceSummary(states("PENDING")).shareMet).toBeNull();
    expect(complianceSummary([])).toEqual({ total: 0, met: 0, missed: 0, pending: 0, shareMet: null });
  });
});
