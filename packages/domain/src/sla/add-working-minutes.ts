import type { SlaSchedule } from "./sla-policy.js";
import { type ClockPause, workingIntervals } from "./working-intervals.js";

/**
 * The instant at which `minutes` of working time have elapsed since `start`, not counting
 * time outside the schedule or inside `paused` spans. A target that runs out exactly at
 * closing time is due at closing time, not at the next opening.
 */
export function addWorkingMinutes(
  schedule: SlaSchedule,
  start: Date,
  minutes: number,
  paused: readonly ClockPause[] = [],
): Date {
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  let remaining = Math.round(minutes * 60_000);
  if (remaining === 0) return new Date(start.getTime());
  for (const interval of workingIntervals(schedule, start.getTime(), paused)) {
    const length = interval.end - interval.start;
    if (remaining <= length) return new Date(interval.start + remaining);
    remaining -= length;
  }
  throw new Error("unreachable: working intervals never run out");
}
