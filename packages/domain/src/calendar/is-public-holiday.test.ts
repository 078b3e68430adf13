import { describe, expect, test } from "vitest";
import { isPublicHoliday } from "./is-public-holiday.js";

describe("isPublicHoliday", () => {
  test("knows New Year's Day, Thanksgiving and Christmas in the US", () => {
    expect(isPublicHoliday("US", "2026-01-01")).toBe(true);
    expect(isPublicHoliday("US", "2026-11-26")).toBe(true);
    expect(isPublicHoliday("US", "2026-12-25")).toBe(true);
  });

  test("counts the observed day when a US holiday falls on a weekend", () => {
    // July 4, 2026 is a Saturday; December 31, 2021 stands in for New Year's Day 2022.
    expect(isPublicHoliday("US", "2026-07-03")).toBe(true);
    expect(isPublicHoliday("US", "2021-12-31")).toBe(true);
  });

  test("leaves observances and optional days alone: the day after Thanksgiving, Christmas Eve", () => {
    expect(isPublicHoliday("US", "2026-11-27")).toBe(false);
    expect(isPublicHoliday("US", "2026-12-24")).toBe(false);
  });

  test("leaves German bank half-days alone: Christmas Eve and New Year's Eve afternoons", () => {
    expect(isPublicHoliday("DE", "2026-12-24")).toBe(false);
    expect(isPublicHoliday("DE", "2026-12-31")).toBe(false);
    expect(isPublicHoliday("DE", "2026-12-25")).toBe(true);
    expect(isPublicHoliday("DE", "2026-12-26")).toBe(true);
  });

  test("knows Easter's moving holidays", () => {
    expect(isPublicHoliday("DE", "2026-04-03")).toBe(true);
    expect(isPublicHoliday("DE", "2026-04-06")).toBe(true);
    expect(isPublicHoliday("GB", "2026-04-06")).toBe(true);
  });

  test("adds a state's holidays to its country's: Epiphany in Bavaria, not in Berlin", () => {
    expect(isPublicHoliday("DE-BY", "2026-01-06")).toBe(true);
    expect(isPublicHoliday("DE-BE", "2026-01-06")).toBe(false);
    expect(isPublicHoliday("DE", "2026-01-06")).toBe(false);
  });

  test("counts every day of a multi-day holiday", () => {
    // Eid al-Fitr 2026 in the United Arab Emirates spans three days from March 20.
    expect(["2026-03-20", "2026-03-21", "2026-03-22"].map((d) => isPublicHoliday("AE", d))).toEqual([true, true, true]);
    expect(isPublicHoliday("AE", "2026-03-23")).toBe(false);
  });

  test("reads region codes in any letter case", () => {
    expect(isPublicHoliday("us", "2026-01-01")).toBe(true);
    expect(isPublicHoliday("de-by", "2026-01-06")).toBe(true);
  });

  test("throws on an unknown region, which validation should have caught", () => {
    expect(() => isPublicHoliday("XX", "2026-01-01")).toThrow(RangeError);
  });
});
