import { DateTime } from "luxon";
import { MONDAY_TO_FRIDAY } from "../time/iso-weekday.js";
import type { BusinessCalendar } from "./business-calendar.js";
import { isPublicHoliday } from "./is-public-holiday.js";
import { isValidLocalDate } from "./is-valid-local-date.js";

/** Monday to Friday, minus the calendar's extra holidays and its region's public holidays. */
export function isBusinessDay(cal: BusinessCalendar, localDate: string): boolean {
  if (!isValidLocalDate(localDate)) throw new RangeError(`not a local date: "${localDate}"`);
  if (isWeekend(localDate)) return false;
  if (cal.holidays.includes(localDate)) return false;
  return !cal.holidayRegion || !isPublicHoliday(cal.holidayRegion, localDate);
}

function isWeekend(localDate: string): boolean {
  const weekday = DateTime.fromISO(localDate, { zone: "utc" }).weekday;
  return !MONDAY_TO_FRIDAY.some((d) => d === weekday);
}
