import { DateTime } from "luxon";
import { END_OF_DAY } from "./time-of-day.js";

/**
 * `minuteOfDay` on the calendar date of `date` (its zone is ignored), as an instant in `zone`; 1440 is the
 * following local midnight. Wall times a DST jump skips move forward, as luxon does.
 */
export function localInstant(date: DateTime, minuteOfDay: number, zone: string): DateTime {
  if (minuteOfDay === END_OF_DAY) return localInstant(date.plus({ days: 1 }), 0, zone);
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 },
    { zone },
  );
}
