import { DateTime } from "luxon";

/**
 * Which day `at` falls on, as seen from `now` in `timezone`: null on the same local day, else
 * "tomorrow", "yesterday" or "on Tue 1 Dec" (with the year when it is another year).
 */
export function localDayPhrase(at: Date, now: Date, timezone: string): string | null {
  const day = DateTime.fromJSDate(at, { zone: timezone }).setLocale("en-US");
  const today = DateTime.fromJSDate(now, { zone: timezone });
  if (!day.isValid || !today.isValid) throw new RangeError(`cannot place ${String(at)} in time zone "${timezone}"`);
  // Calendar dates compared at UTC midnight: a day is a day even when the clocks change.
  const dateOf = (d: DateTime) => Date.UTC(d.year, d.month - 1, d.day);
  const days = Math.round((dateOf(day) - dateOf(today)) / 86_400_000);
  if (days === 0) return null;
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return day.year === today.year ? `on ${day.toFormat("ccc d LLL")}` : `on ${day.toFormat("ccc d LLL yyyy")}`;
}
