import { describe, expect, test } from "vitest";
import { UTC_CALENDAR } from "./business-calendar.js";
import { isBusinessDay } from "./is-business-day.js";

describe("the default calendar", () => {
  test("counts business days in UTC with no holidays", () => {
    expect(UTC_CALENDAR).toEqual({
      timezone: "UTC",
      holidays: [],
      holidayRegion: null,
    });
  });

  test("treats New Year's Day on a weekday as a business day, since it names no region", () => {
    expect(isBusinessDay(UTC_CALENDAR, "2026-01-01")).toBe(true);
  });

  test("cannot be changed by accident, since every organization without settings shares it", () => {
    expect(Object.isFrozen(UTC_CALENDAR)).toBe(true);
    expect(Object.isFrozen(UTC_CALENDAR.holidays)).toBe(true);
  });
});
