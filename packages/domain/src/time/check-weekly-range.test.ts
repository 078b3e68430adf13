import { describe, expect, test } from "vitest";
import { checkWeeklyRange } from "./check-weekly-range.js";

describe("checkWeeklyRange", () => {
  test("a range comes back in minutes after midnight", () => {
    expect(checkWeeklyRange({ weekday: 1, start: "09:00", end: "17:30" })).toEqual({
      valid: true,
      weekday: 1,
      start: 540,
      end: 1050,
    });
  });

  test("a range may end at midnight, but not start there", () => {
    expect(checkWeeklyRange({ weekday: 7, start: "20:00", end: "24:00" })).toMatchObject({ valid: true, end: 1440 });
    expect(checkWeeklyRange({ weekday: 7, start: "24:00", end: "24:00" })).toEqual({
      valid: false,
      problems: ["BAD_START"],
    });
  });

  test("an empty or inverted range is refused", () => {
    for (const [start, end] of [
      ["09:00", "09:00"],
      ["17:00", "09:00"],
    ] as const) {
      expect(checkWeeklyRange({ weekday: 2, start, end })).toEqual({
        valid: false,
        problems: ["END_NOT_AFTER_START"],
      });
    }
  });

  test("names every problem at once, in the order weekday, start, end", () => {
    expect(checkWeeklyRange({ weekday: 0, start: "9am", end: "25:00" })).toEqual({
      valid: false,
      problems: ["WEEKDAY_OUT_OF_RANGE", "BAD_START", "BAD_END"],
    });
    expect(checkWeeklyRange({ weekday: 8, start: "17:00", end: "09:00" })).toEqual({
      valid: false,
      problems: ["WEEKDAY_OUT_OF_RANGE", "END_NOT_AFTER_START"],
    });
  });
});
