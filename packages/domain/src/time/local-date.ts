import { DateTime } from "luxon";

/** The local calendar date of an instant, as a UTC midnight so day steps never meet DST. */
export function localDate(at: Date, zone: string): DateTime {
  const local = DateTime.fromMillis(at.getTime(), { zone });
  // An unknown zone or an invalid Date means a caller skipped validation: a bug.
  if (!local.isValid) throw new RangeError(`cannot place ${String(at)} in time zone "${zone}"`);
  return DateTime.fromObject({ year: local.year, month: local.month, day: local.day }, { zone: "utc" });
}
