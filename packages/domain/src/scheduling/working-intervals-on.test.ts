import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { DEFAULT_WORKING_HOURS, type WorkingHours } from "./weekly-hours.js";
import { workingIntervalsOn } from "./working-intervals-on.js";

const iso = (intervals: { start: Date; end: Date }[]) =>
  intervals.map((i) => [i.start.toISOString(), i.end.toISOString()]);

describe("workingIntervalsOn", () => {
  it("turns a weekday's ranges into instants on that date", () => {
    expect(iso(workingIntervalsOn(DEFAULT_WORKING_HOURS, DateTime.fromISO("2025-06-02T12:00:00Z")))).toEqual([
      ["2025-06-02T09:00:00.000Z", "2025-06-02T17:00:00.000Z"],
    ]);
  });

  it("has nothing on a day without ranges", () => {
    expect(workingIntervalsOn(DEFAULT_WORKING_HOURS, DateTime.fromISO("2025-06-01T12:00:00Z"))).toEqual([]);
  });

  it("reads the date in the CSE's time zone, not the instant's", () => {
    const tokyo: WorkingHours = {
      timezone: "Asia/Tokyo",
      weekly: [{ weekday: 1, start: "09:00", end: "10:00" }],
    };
    // Sunday 20:00 UTC is already Monday morning in Tokyo.
    expect(iso(workingIntervalsOn(tokyo, DateTime.fromISO("2025-06-01T20:00:00Z")))).toEqual([
      ["2025-06-02T00:00:00.000Z", "2025-06-02T01:00:00.000Z"],
    ]);
  });

  it("merges ranges that touch and sorts them, and lets 24:00 end the day", () => {
    const hours: WorkingHours = {
      timezone: "UTC",
      weekly: [
        { weekday: 1, start: "20:00", end: "24:00" },
        { weekday: 1, start: "12:00", end: "16:00" },
        { weekday: 1, start: "08:00", end: "12:00" },
      ],
    };
    expect(iso(workingIntervalsOn(hours, DateTime.fromISO("2025-06-02T00:00:00Z")))).toEqual([
      ["2025-06-02T08:00:00.000Z", "2025-06-02T16:00:00.000Z"],
      ["2025-06-02T20:00:00.000Z", "2025-06-03T00:00:00.000Z"],
    ]);
  });

  it("regression: a range the spring-forward jump moves no longer overlaps the next one", () => {
    // 02:00–02:30 does not exist on Sunday 30 March 2025 in Berlin; luxon moves it to 03:00–03:30.
    const hours: WorkingHours = {
      timezone: "Europe/Berlin",
      weekly: [
        { weekday: 7, start: "02:00", end: "02:30" },
        { weekday: 7, start: "03:00", end: "04:00" },
      ],
    };
    expect(iso(workingIntervalsOn(hours, DateTime.fromISO("2025-03-30T12:00:00Z")))).toEqual([
      ["2025-03-30T01:00:00.000Z", "2025-03-30T02:00:00.000Z"],
    ]);
  });

  it("treats malformed hours or an unknown zone as a bug", () => {
    const now = DateTime.fromISO("2025-06-02T00:00:00Z");
    expect(() =>
      workingIntervalsOn(
        {
          timezone: "UTC",
          weekly: [{ weekday: 1, start: "9am", end: "17:00" }],
        },
        now,
      ),
    ).toThrow(RangeError);
    expect(() => workingIntervalsOn({ timezone: "Nowhere/Else", weekly: [] }, now)).toThrow(RangeError);
  });
});
