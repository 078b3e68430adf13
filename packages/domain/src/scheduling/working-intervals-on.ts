import type { DateTime } from "luxon";
import { intervalsOnLocalDate } from "../time/intervals-on-local-date.js";
import { parseTimeOfDay } from "../time/time-of-day.js";
import type { WorkingHours } from "./weekly-hours.js";

export type Interval = { start: Date; end: Date };

/**
 * The working intervals of `hours` on one local calendar date, as instants, sorted, with touching ranges
 * merged (a meeting may run across 12:00 in 09:00–12:00 + 12:00–17:00). Wall times a DST jump skips move
 * forward, as luxon does. `date` is any DateTime; only its calendar date in `hours.timezone` matters.
 */
export function workingIntervalsOn(hours: WorkingHours, date: DateTime): Interval[] {
  const day = date.setZone(hours.timezone).startOf("day");
  if (!day.isValid) throw new RangeError(`working hours: invalid time zone ${hours.timezone}`);
  const ranges = hours.weekly
    .filter((range) => range.weekday === day.weekday)
    .map((range) => ({ start: clock(range.start, false), end: clock(range.end, true) }));
  return intervalsOnLocalDate(day, hours.timezone, ranges).map(({ start, end }) => ({
    start: new Date(start),
    end: new Date(end),
  }));
}

function clock(value: string, endOfDay: boolean): number {
  const minutes = parseTimeOfDay(value, endOfDay);
  if (minutes === null)
    throw new RangeError(`working hours: malformed time ${value}; validate with validateWeeklyHours`);
  return minutes;
}
