import { describe, expect, it } from "vitest";
import { isWithinWorkingHours } from "./is-within-working-hours.js";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "./weekly-hours.js";

const d = (iso: string) => new Date(iso);

describe("isWithinWorkingHours", () => {
  it("accepts a session wholly inside a CSE's default hours", () => {
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, d("2025-06-02T09:00:00Z"), d("2025-06-02T10:00:00Z"))).toBe(
      true,
    );
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, d("2025-06-02T16:00:00Z"), d("2025-06-02T17:00:00Z"))).toBe(
      true,
    );
  });

  it("rejects a session that starts before or runs past the end of the day's hours", () => {
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, d("2025-06-02T08:45:00Z"), d("2025-06-02T09:15:00Z"))).toBe(
      false,
    );
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, d("2025-06-02T16:31:00Z"), d("2025-06-02T17:01:00Z"))).toBe(
      false,
    );
  });

  it("rejects a session at the weekend", () => {
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, d("2025-06-07T10:00:00Z"), d("2025-06-07T10:30:00Z"))).toBe(
      false,
    );
  });

  it("rejects a session spanning a lunch break, but not one across two ranges that touch", () => {
    const split: WorkingHours = {
      timezone: "UTC",
      weekly: [
        { weekday: 1, start: "09:00", end: "12:00" },
        { weekday: 1, start: "13:00", end: "15:00" },
        { weekday: 1, start: "15:00", end: "17:00" },
      ],
    };
    expect(isWithinWorkingHours(split, d("2025-06-02T11:30:00Z"), d("2025-06-02T13:30:00Z"))).toBe(false);
    expect(isWithinWorkingHours(split, d("2025-06-02T14:30:00Z"), d("2025-06-02T15:30:00Z"))).toBe(true);
  });

  it("reads hours in the CSE's time zone, following daylight saving time", () => {
    const newYork: WorkingHours = {
      timezone: "America/New_York",
      weekly: DEFAULT_WORKING_HOURS.weekly,
    };
    // 09:00 in New York is 14:00Z in winter (EST) and 13:00Z in summer (EDT).
    expect(isWithinWorkingHours(newYork, d("2025-01-06T14:00:00Z"), d("2025-01-06T15:00:00Z"))).toBe(true);
    expect(isWithinWorkingHours(newYork, d("2025-01-06T13:00:00Z"), d("2025-01-06T14:00:00Z"))).toBe(false);
    expect(isWithinWorkingHours(newYork, d("2025-07-07T13:00:00Z"), d("2025-07-07T14:00:00Z"))).toBe(true);
    // Monday 10 March 2025, the day after the switch.
    expect(isWithinWorkingHours(newYork, d("2025-03-10T13:00:00Z"), d("2025-03-10T14:00:00Z"))).toBe(true);
  });

  it("uses the weekday of the CSE's local date", () => {
    const sydney: WorkingHours = {
      timezone: "Australia/Sydney",
      weekly: [{ weekday: 1, start: "09:00", end: "17:00" }],
    };
    // Sunday 23:00Z is Monday 09:00 in Sydney (UTC+10 in June).
    expect(isWithinWorkingHours(sydney, d("2025-06-01T23:00:00Z"), d("2025-06-02T00:00:00Z"))).toBe(true);
  });

  it("does not count an empty or reversed interval as within hours", () => {
    const t = d("2025-06-02T10:00:00Z");
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, t, t)).toBe(false);
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, t, d("2025-06-02T09:30:00Z"))).toBe(false);
  });
});
