import { DateTime } from "luxon";

/**
 * The time of day of `at` in `timezone`, 24-hour, with the zone's short name: "10:16 EST", "16:16 GMT+1".
 * The name tells daylight saving time apart ("EDT"), so a reader never has to guess the offset.
 */
export function localClockTime(at: Date, timezone: string): string {
  const local = DateTime.fromJSDate(at, { zone: timezone }).setLocale("en-US");
  // An unknown zone or an invalid Date means a caller skipped validation: a bug.
  if (!local.isValid) throw new RangeError(`cannot place ${String(at)} in time zone "${timezone}"`);
  return local.toFormat("HH:mm ZZZZ");
}
