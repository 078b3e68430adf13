import type { DateTime } from "luxon";
import { localInstant } from "../time/local-instant.js";
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
    .map((range) => ({
      start: clock(range.start, false),
      end: clock(range.end, true),
    }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged.map(({ start, end }) => ({
    start: localInstant(day, start, hours.timezone).toJSDate(),
    end: localInstant(day, end, hours.timezone).toJSDate(),
  }));
}

function clock(value: string, endOfDay: boolean): number {
  const minutes = parseTimeOfDay(value, endOfDay);
  if (minutes === null)
    throw new RangeError(`working hours: malformed time ${value}; validate with validateWeeklyHours`);
  return minutes;
}
