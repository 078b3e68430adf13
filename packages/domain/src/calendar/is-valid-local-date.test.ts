import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isValidLocalDate } from "./is-valid-local-date.js";

describe("isValidLocalDate", () => {
  test.each(["2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29", "2026-04-30", "1999-02-28"])("accepts %s", (s) => {
    expect(isValidLocalDate(s)).toBe(true);
  });

  test.each([
    ["2023-02-29", "February 29 outside a leap year"],
    ["1900-02-29", "February 29 in a century that is not a leap year"],
    ["2026-02-30", "a day February never has"],
    ["2026-04-31", "the 31st of a 30-day month"],
    ["2026-13-01", "month 13"],
    ["2026-00-10", "month 0"],
    ["2026-01-00", "day 0"],
    ["2026-1-01", "a one-digit month"],
    ["26-01-01", "a two-digit year"],
    ["2026-01-01T00:00:00Z", "a timestamp"],
    [" 2026-01-01", "surrounding whitespace"],
    ["2026/01/01", "slashes"],
    ["", "an empty string"],
  ])("refuses %s (%s)", (s) => {
    expect(isValidLocalDate(s)).toBe(false);
  });

  test("accepts every real date and only real dates", () => {
    const day = fc.date({
      min: new Date("1600-01-01T00:00:00Z"),
      max: new Date("2400-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (d) => {
        expect(isValidLocalDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
    const shaped = fc.tuple(
      fc.integer({ min: 1600, max: 2400 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    );
    fc.assert(
      fc.property(shaped, ([y, m, d]) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === text;
        expect(isValidLocalDate(text)).toBe(real);
      }),
    );
  });
});
