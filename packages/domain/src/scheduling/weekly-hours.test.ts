import { describe, expect, it } from "vitest";
import { DEFAULT_WORKING_HOURS, minutesOfClock } from "./weekly-hours.js";

describe("DEFAULT_WORKING_HOURS", () => {
  it("has a CSE work Monday to Friday, 09:00 to 17:00 UTC", () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({
      timezone: "UTC",
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        start: "09:00",
        end: "17:00",
      })),
    });
  });
});

describe("minutesOfClock", () => {
  it("reads HH:MM as minutes after midnight", () => {
    expect(minutesOfClock("00:00")).toBe(0);
    expect(minutesOfClock("09:30")).toBe(570);
    expect(minutesOfClock("23:59")).toBe(1439);
  });

  it("accepts 24:00 only as the end of a range", () => {
    expect(minutesOfClock("24:00")).toBeNull();
    expect(minutesOfClock("24:00", true)).toBe(1440);
  });

  it("rejects anything that is not a two-digit 24-hour time", () => {
    for (const bad of ["9:00", "09:5", "24:30", "12:60", "0900", "09:00:00", " 09:00", ""]) {
      expect(minutesOfClock(bad, true)).toBeNull();
    }
  });
});
