import { DateTime } from "luxon";

/** `minuteOfDay` on the local calendar date of `date` (whose zone is ignored), as an instant in `zone`. */
export function localInstant(date: DateTime, minuteOfDay: number, zone: string): DateTime {
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone },
  );
}

/**
 * Adds wall-clock time, so 22:00 + 10 h is 08:00 local even when clocks change in between.
 * luxon's `plus({ seconds })` would add elapsed time instead.
 */
export function plusWallClockSeconds(local: DateTime, seconds: number): DateTime {
  const wall = DateTime.fromObject(
    {
      year: local.year,
      month: local.month,
      day: local.day,
      hour: local.hour,
      minute: local.minute,
      second: local.second,
      millisecond: local.millisecond,
    },
    { zone: "utc" },
  ).plus({ seconds });
  return DateTime.fromObject(
    {
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour,
      minute: wall.minute,
      second: wall.second,
      millisecond: wall.millisecond,
    },
    { zone: local.zone },
  );
}

/** The local calendar date of an instant, as a UTC midnight so day steps never meet DST. */
export function localDate(at: Date, zone: string): DateTime {
  const local = DateTime.fromMillis(at.getTime(), { zone });
  return DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: "utc" });
}
