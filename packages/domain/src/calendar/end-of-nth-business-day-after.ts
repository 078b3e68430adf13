import { DateTime } from "luxon";
import type { BusinessCalendar } from "./business-calendar.js";
import { isBusinessDay } from "./is-business-day.js";
import { localDate } from "../time/local-date.js";

// Ten years of consecutive days off is a misconfigured calendar, not a deadline.
const MAX_DAYS_SCANNED = 3_660;

/**
 * The last millisecond (23:59:59.999 local) of the n-th business day strictly after the
 * local date of `instant` in the calendar's time zone, as an instant.
 */
export function endOfNthBusinessDayAfter(cal: BusinessCalendar, instant: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  // Walk dates, not instants, so a 23- or 25-hour day cannot skip or repeat a date.
  let date = localDate(instant, cal.timezone);
  let found = 0;
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    date = date.plus({ days: 1 });
    if (isBusinessDay(cal, date.toFormat("yyyy-MM-dd")) && ++found === n) return endOfLocalDay(date, cal.timezone);
  }
  throw new RangeError(`no ${n}th business day within ${MAX_DAYS_SCANNED} days after ${instant.toISOString()}`);
}

function endOfLocalDay(date: DateTime, timezone: string): Date {
  const { year, month, day } = date;
  return DateTime.fromObject({ year, month, day }, { zone: timezone }).endOf("day").toJSDate();
}
