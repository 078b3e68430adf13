import { DateTime } from "luxon";

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timezone`. */
export function localDateOf(instant: Date, timezone: string): string {
  const local = DateTime.fromJSDate(instant, { zone: timezone });
  const date = local.isValid ? local.toISODate() : null;
  // An unknown zone or an invalid Date means a caller skipped validation: a bug.
  if (date === null) throw new RangeError(`cannot place ${String(instant)} in time zone "${timezone}"`);
  return date;
}
