import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { END_OF_DAY, formatTimeOfDay, parseTimeOfDay } from "./time-of-day.js";

describe("parseTimeOfDay", () => {
  test("reads a 24-hour clock time as minutes after midnight", () => {
    expect(parseTimeOfDay("00:00")).toBe(0);
    expect(parseTimeOfDay("09:30")).toBe(570);
    expect(parseTimeOfDay("23:59")).toBe(1439);
  });

  test("accepts 24:00 only as the end of a range", () => {
    expect(parseTimeOfDay("24:00")).toBeNull();
    expect(parseTimeOfDay("24:00", true)).toBe(END_OF_DAY);
  });

  test.each(["9:00", "09:5", "12:3", "24:01", "24:30", "12:60", "0900", "09:00:00", " 09:00", "noon", ""])(
    "refuses %j, which is not a two-digit 24-hour time",
    (bad) => {
      expect(parseTimeOfDay(bad, true)).toBeNull();
    },
  );
});

describe("formatTimeOfDay", () => {
  test("writes minutes after midnight as HH:MM", () => {
    expect([0, 570, 1439, END_OF_DAY].map(formatTimeOfDay)).toEqual(["00:00", "09:30", "23:59", "24:00"]);
  });

  test("is read back by parseTimeOfDay for every minute of the day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: END_OF_DAY }), (minute) => {
        expect(parseTimeOfDay(formatTimeOfDay(minute), true)).toBe(minute);
      }),
    );
  });

  test("treats anything but a whole minute of the day as a bug", () => {
    for (const bad of [-1, 1441, 1.5, Number.NaN]) expect(() => formatTimeOfDay(bad)).toThrow(RangeError);
  });
});
