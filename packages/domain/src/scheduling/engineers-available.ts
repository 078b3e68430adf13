import { isWithinWorkingHours } from "./is-within-working-hours.js";
import type { WorkingHours } from "./weekly-hours.js";

export type TimeRange = { readonly start: Date; readonly end: Date };

/** A CSE's calendar: working hours and the sessions already on it (at least those near the requested times). */
export type EngineerCalendar = {
  readonly id: string;
  readonly hours: WorkingHours;
  readonly busy: readonly TimeRange[];
};

export type EngineerAvailability = {
  /** CSEs whose working hours hold every one of the sessions. */
  readonly working: string[];
  /** Of those, the ones with nothing else booked then; the least busy first, so work spreads evenly. */
  readonly free: string[];
  /** The free CSEs tied for least busy: concurrent bookings that pick among them at random rarely collide. */
  readonly leastBusy: string[];
};

/** Who could take all of `sessions` (one booking's calls are given to one CSE). Touching sessions do not clash. */
export function engineersAvailable(
  engineers: readonly EngineerCalendar[],
  sessions: readonly TimeRange[],
): EngineerAvailability {
  const working = engineers.filter((e) => sessions.every((s) => isWithinWorkingHours(e.hours, s.start, s.end)));
  const free = working
    .map((engineer, order) => ({ engineer, order }))
    .filter(({ engineer }) => !engineer.busy.some((b) => sessions.some((s) => overlaps(b, s))))
    .sort((a, b) => a.engineer.busy.length - b.engineer.busy.length || a.order - b.order)
    .map(({ engineer }) => engineer);
  const least = free[0]?.busy.length;
  return {
    working: working.map((e) => e.id),
    free: free.map((e) => e.id),
    leastBusy: free.filter((e) => e.busy.length === least).map((e) => e.id),
  };
}

export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}
