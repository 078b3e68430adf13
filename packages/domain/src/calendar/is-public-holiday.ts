import Holidays from "date-holidays";
import { isKnownHolidayRegion } from "./is-known-holiday-region.js";

// Pure data, memoized: one date-holidays instance per region, one date set per region and year.
const instances = new Map<string, Holidays>();
const datesByYear = new Map<string, ReadonlySet<string>>();

/**
 * True when `localDate` (YYYY-MM-DD) is a public holiday of `region` in date-holidays, including
 * observed substitute days (US Independence Day on Friday July 3, 2026). Bank, school,
 * optional and observance days stay business days.
 */
export function isPublicHoliday(region: string, localDate: string): boolean {
  const year = Number(localDate.slice(0, 4));
  // A multi-day holiday can start in the previous year.
  return [year - 1, year].some((y) => publicHolidayDates(region, y).has(localDate));
}

function publicHolidayDates(region: string, year: number): ReadonlySet<string> {
  const code = region.toUpperCase();
  const key = `${code}|${year}`;
  const cached = datesByYear.get(key);
  if (cached) return cached;
  const dates = new Set<string>();
  for (const holiday of instanceFor(code).getHolidays(year)) {
    if (holiday.type !== "public") continue;
    for (const date of spannedDates(holiday.date.slice(0, 10), holiday.start, holiday.end)) dates.add(date);
  }
  datesByYear.set(key, dates);
  return dates;
}

function instanceFor(code: string): Holidays {
  const cached = instances.get(code);
  if (cached) return cached;
  // A calendar naming an unknown region slipped past validation: a bug, not an empty holiday list.
  if (!isKnownHolidayRegion(code)) throw new RangeError(`unknown holiday region "${code}"`);
  const instance = new Holidays(code);
  instances.set(code, instance);
  return instance;
}

const DAY_MS = 86_400_000;

// Eid al-Fitr lasts three days in some regions; a half day (14:00 onward) still counts as one.
function spannedDates(firstDate: string, start: Date, end: Date): string[] {
  const days = Math.max(1, Math.round((end.getTime() - start.getTime()) / DAY_MS));
  const first = Date.parse(`${firstDate}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10));
}
