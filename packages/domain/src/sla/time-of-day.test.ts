import { describe, expect, test } from "vitest";
import { isIsoWeekday, parseTimeOfDay } from "./time-of-day.js";

describe("parseTimeOfDay", () => {
  test("reads a 24-hour clock time as minutes after midnight", () => {
    expect(parseTimeOfDay("00:00")).toBe(0);
    expect(parseTimeOfDay("09:30")).toBe(570);
    expect(parseTimeOfDay("23:59")).toBe(1439);
  });

  test("rejects malformed or out-of-range times", () => {
    for (const bad of ["9:30", "24:01", "12:60", "noon", "", "12:3"]) expect(parseTimeOfDay(bad)).toBeNull();
  });

  test("accepts 24:00 only as the end of a range", () => {
    expect(parseTimeOfDay("24:00")).toBeNull();
    expect(parseTimeOfDay("24:00", true)).toBe(1440);
  });
});

test("weekdays run from Monday (1) to Sunday (7)", () => {
  expect([0, 1, 7, 8, 1.5].map(isIsoWeekday)).toEqual([false, true, true, false, false]);
});
