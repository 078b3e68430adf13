import type { SlaSchedule } from "./sla-policy.js";
import { type ClockPause, workingIntervals } from "./working-intervals.js";

/**
 * Working minutes from `a` to `b` under the schedule, leaving out `paused` spans.
 * Negative when `b` is before `a`, so "minutes late" and "minutes left" read naturally.
 */
export function workingMinutesBetween(
  schedule: SlaSchedule,
  a: Date,
  b: Date,
  paused: readonly ClockPause[] = [],
): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -workingMinutesBetween(schedule, b, a, paused);
  let ms = 0;
  for (const interval of workingIntervals(schedule, from, paused)) {
    if (interval.start >= to) break;
    ms += Math.min(interval.end, to) - interval.start;
  }
  return ms / 60_000;
}
