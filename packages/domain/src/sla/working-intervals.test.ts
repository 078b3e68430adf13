import { describe, expect, test } from "vitest";
import type { SlaSchedule } from "./sla-policy.js";
import type { MsInterval } from "../time/merge-intervals.js";
import { workingIntervals } from "./working-intervals.js";

const ms = (iso: string) => Date.parse(iso);
const take = (it: Iterator<MsInterval>, n: number): MsInterval[] =>
  Array.from({ length: n }, () => {
    const next = it.next();
    if (next.done === true) throw new Error("ran out");
    return next.value;
  });

describe("workingIntervals", () => {
  test("a range that falls into the spring-forward gap does not overlap the next one", () => {
    // 02:00–02:30 does not exist on 30 March 2025 in Berlin; luxon shifts it to 03:00–03:30.
    const schedule: SlaSchedule = {
      kind: "BUSINESS_HOURS",
      timezone: "Europe/Berlin",
      weekly: [
        { weekday: 7, start: "02:00", end: "02:30" },
        { weekday: 7, start: "03:00", end: "04:00" },
      ],
      holidays: [],
    };
    const [first, second] = take(workingIntervals(schedule, ms("2025-03-29T23:00:00Z")), 2);
    expect(first).toEqual({ start: ms("2025-03-30T01:00:00Z"), end: ms("2025-03-30T02:00:00Z") });
    expect(second?.start).toBeGreaterThan(first?.end ?? Infinity);
  });

  test("a pause longer than a working interval swallows it whole", () => {
    const schedule: SlaSchedule = {
      kind: "BUSINESS_HOURS",
      timezone: "UTC",
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday: weekday as 1, start: "09:00", end: "10:00" })),
      holidays: [],
    };
    const paused = [{ from: new Date("2025-01-01T08:00:00Z"), to: new Date("2025-01-02T09:30:00Z") }];
    expect(take(workingIntervals(schedule, ms("2025-01-01T00:00:00Z"), paused), 2)).toEqual([
      { start: ms("2025-01-02T09:30:00Z"), end: ms("2025-01-02T10:00:00Z") },
      { start: ms("2025-01-03T09:00:00Z"), end: ms("2025-01-03T10:00:00Z") },
    ]);
  });
});
