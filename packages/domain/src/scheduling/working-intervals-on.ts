import { DateTime } from "luxon";
import { minutesOfClock, type WorkingHours } from "./weekly-hours.js";

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
    start: at(day, start),
    end: at(day, end),
  }));
}

function clock(value: string, endOfDay: boolean): number {
  const minutes = minutesOfClock(value, endOfDay);
  if (minutes === null)
    throw new RangeError(`working hours: malformed time ${value}; validate with validateWeeklyHours`);
  return minutes;
}

function at(day: DateTime, minutes: number): Date {
  if (minutes === 24 * 60) return day.plus({ days: 1 }).startOf("day").toJSDate();
  const { year, month, day: dayOfMonth } = day;
  return DateTime.fromObject(
    {
      year,
      month,
      day: dayOfMonth,
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone: day.zone },
  ).toJSDate();
}
