import { describe, expect, it } from "vitest";
import { validateWeeklyHours } from "./validate-weekly-hours.js";
import { DEFAULT_WORKING_HOURS } from "./weekly-hours.js";

describe("validateWeeklyHours", () => {
  it("accepts the default Monday–Friday 09:00–17:00", () => {
    expect(validateWeeklyHours(DEFAULT_WORKING_HOURS.weekly)).toEqual({
      valid: true,
      weekly: DEFAULT_WORKING_HOURS.weekly,
    });
  });

  it("accepts a split day whose ranges only touch, a day ending at midnight, and a week with no hours", () => {
    expect(
      validateWeeklyHours([
        { weekday: 1, start: "08:00", end: "12:00" },
        { weekday: 1, start: "12:00", end: "16:00" },
        { weekday: 6, start: "20:00", end: "24:00" },
      ]).valid,
    ).toBe(true);
    expect(validateWeeklyHours([]).valid).toBe(true);
  });

  it("names a weekday outside Monday (1) to Sunday (7)", () => {
    expect(
      validateWeeklyHours([
        { weekday: 0, start: "09:00", end: "17:00" },
        { weekday: 8, start: "09:00", end: "17:00" },
        { weekday: 2.5, start: "09:00", end: "17:00" },
      ]),
    ).toMatchObject({
      valid: false,
      reason: "INVALID_WORKING_HOURS",
      problems: [0, 1, 2].map((index) => ({
        index,
        field: "weekday",
        code: "WEEKDAY_OUT_OF_RANGE",
      })),
    });
  });

  it("names times that are not HH:MM, field by field", () => {
    expect(
      validateWeeklyHours([
        { weekday: 1, start: "9:00", end: "17:00" },
        { weekday: 2, start: "09:00", end: "5pm" },
        { weekday: 3, start: "24:00", end: "24:00" },
      ]),
    ).toMatchObject({
      valid: false,
      problems: [
        { index: 0, field: "start", code: "BAD_TIME_FORMAT" },
        { index: 1, field: "end", code: "BAD_TIME_FORMAT" },
        { index: 2, field: "start", code: "BAD_TIME_FORMAT" },
      ],
    });
  });

  it("names a range that ends at or before it starts", () => {
    expect(
      validateWeeklyHours([
        { weekday: 1, start: "17:00", end: "09:00" },
        { weekday: 2, start: "09:00", end: "09:00" },
      ]),
    ).toMatchObject({
      valid: false,
      problems: [
        { index: 0, field: "end", code: "END_NOT_AFTER_START" },
        { index: 1, field: "end", code: "END_NOT_AFTER_START" },
      ],
    });
  });

  it("names overlapping ranges on the same day, pointing at the range they overlap", () => {
    expect(
      validateWeeklyHours([
        { weekday: 1, start: "09:00", end: "13:00" },
        { weekday: 2, start: "12:00", end: "17:00" },
        { weekday: 1, start: "12:30", end: "17:00" },
      ]),
    ).toEqual({
      valid: false,
      reason: "INVALID_WORKING_HOURS",
      problems: [
        {
          index: 2,
          field: "start",
          code: "OVERLAPPING_RANGES",
          overlapsWith: 0,
          message: "Overlaps entry 0 on the same weekday.",
        },
      ],
    });
  });

  it("reports every problem at once, in entry order", () => {
    const result = validateWeeklyHours([
      { weekday: 9, start: "xx", end: "17:00" },
      { weekday: 1, start: "10:00", end: "11:00" },
      { weekday: 1, start: "09:00", end: "18:00" },
    ]);
    expect(result.valid === false && result.problems.map((p) => [p.index, p.code])).toEqual([
      [0, "WEEKDAY_OUT_OF_RANGE"],
      [0, "BAD_TIME_FORMAT"],
      [2, "OVERLAPPING_RANGES"],
    ]);
  });
});
