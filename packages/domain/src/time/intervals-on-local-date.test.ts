import { DateTime } from "luxon";
import { expect, test } from "vitest";
import { intervalsOnLocalDate } from "./intervals-on-local-date.js";

const utc = (iso: string) => DateTime.fromISO(iso, { zone: "utc" });
const iso = (intervals: { start: number; end: number }[]) =>
  intervals.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);

test("turns local ranges into sorted instants, joining those that touch, and lets 24:00 end the day", () => {
  const ranges = [
    { start: 20 * 60, end: 24 * 60 },
    { start: 12 * 60, end: 16 * 60 },
    { start: 8 * 60, end: 12 * 60 },
  ];
  expect(iso(intervalsOnLocalDate(utc("2025-06-02"), "Europe/Paris", ranges))).toEqual([
    ["2025-06-02T06:00:00.000Z", "2025-06-02T14:00:00.000Z"],
    ["2025-06-02T18:00:00.000Z", "2025-06-02T22:00:00.000Z"],
  ]);
});

test("regression: a range the spring-forward jump moves does not overlap the next one", () => {
  // 02:00–02:30 does not exist on 30 March 2025 in Berlin; luxon moves it to 03:00–03:30.
  const ranges = [
    { start: 2 * 60, end: 2 * 60 + 30 },
    { start: 3 * 60, end: 4 * 60 },
  ];
  expect(iso(intervalsOnLocalDate(utc("2025-03-30"), "Europe/Berlin", ranges))).toEqual([
    ["2025-03-30T01:00:00.000Z", "2025-03-30T02:00:00.000Z"],
  ]);
});

test("a range the jump empties is dropped", () => {
  // 02:00–03:00 on 30 March 2025 in Berlin is no time at all.
  expect(intervalsOnLocalDate(utc("2025-03-30"), "Europe/Berlin", [{ start: 2 * 60, end: 3 * 60 }])).toEqual([]);
});
