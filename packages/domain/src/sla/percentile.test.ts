import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { percentile } from "./percentile.js";

// The worked example for both methods on Wikipedia's "Percentile" page.
const data = [15, 20, 35, 40, 50];

describe("percentile", () => {
  test("nearest rank picks an observed value", () => {
    expect([5, 30, 40, 50, 100].map((p) => percentile(data, p, "NEAREST_RANK"))).toEqual([15, 20, 20, 35, 50]);
  });

  test("linear interpolation lands between observed values", () => {
    expect(percentile(data, 40, "LINEAR")).toBeCloseTo(29);
    expect(percentile(data, 90, "LINEAR")).toBeCloseTo(46);
    expect(percentile([1, 2, 3, 4], 50, "LINEAR")).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 50, "NEAREST_RANK")).toBe(2);
  });

  test("order of the input does not matter", () => {
    expect(percentile([50, 15, 40, 20, 35], 90, "NEAREST_RANK")).toBe(50);
  });

  test("there is no percentile of nothing", () => {
    expect(percentile([], 50, "LINEAR")).toBeNull();
  });

  test("both methods stay within the smallest and largest value", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom("NEAREST_RANK" as const, "LINEAR" as const),
        (values, p, method) => {
          const value = percentile(values, p, method) ?? Number.NaN;
          expect(value).toBeGreaterThanOrEqual(Math.min(...values));
          expect(value).toBeLessThanOrEqual(Math.max(...values));
        },
      ),
    );
  });
});
