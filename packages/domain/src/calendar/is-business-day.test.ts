import { describe, expect, test } from "vitest";
import { type BusinessCalendar, UTC_CALENDAR } from "./business-calendar.js";
import { isBusinessDay } from "./is-business-day.js";

const calendar = (overrides: Partial<BusinessCalendar>): BusinessCalendar => ({
  ...UTC_CALENDAR,
  ...overrides,
});

describe("isBusinessDay", () => {
  test("Monday to Friday are business days", () => {
    const week = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];
    expect(week.map((d) => isBusinessDay(UTC_CALENDAR, d))).toEqual([true, true, true, true, true]);
  });

  test("Saturday and Sunday are not", () => {
    expect(isBusinessDay(UTC_CALENDAR, "2026-03-07")).toBe(false);
    expect(isBusinessDay(UTC_CALENDAR, "2026-03-08")).toBe(false);
  });

  test("an organization's extra holiday is not a business day", () => {
    expect(isBusinessDay(calendar({ holidays: ["2026-03-04"] }), "2026-03-04")).toBe(false);
    expect(isBusinessDay(calendar({ holidays: ["2026-03-04"] }), "2026-03-05")).toBe(true);
  });

  test("a public holiday of the organization's region is not a business day", () => {
    expect(isBusinessDay(calendar({ holidayRegion: "US" }), "2026-01-01")).toBe(false);
    expect(isBusinessDay(calendar({ holidayRegion: "US" }), "2026-01-19")).toBe(false);
    expect(isBusinessDay(calendar({ holidayRegion: "DE" }), "2026-01-19")).toBe(true);
  });

  test("an observance of the region is still a business day", () => {
    expect(isBusinessDay(calendar({ holidayRegion: "US" }), "2026-11-27")).toBe(true);
  });

  test("a null region means weekends and extra holidays only", () => {
    expect(isBusinessDay(calendar({ holidayRegion: null }), "2026-12-25")).toBe(true);
  });

  test("February 29 is a business day in a leap year when it falls on a weekday", () => {
    expect(isBusinessDay(UTC_CALENDAR, "2024-02-29")).toBe(true);
  });

  test("throws on something that is not a local date", () => {
    expect(() => isBusinessDay(UTC_CALENDAR, "2023-02-29")).toThrow(RangeError);
    expect(() => isBusinessDay(UTC_CALENDAR, "tomorrow")).toThrow(RangeError);
  });
});
