import { DateTime } from "luxon";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  const m = MONTH.exec(value);
  return m !== null && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** The instants a calendar month (YYYY-MM) spans in a time zone: [start, end). */
export function monthRange(month: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(`${month}-01`, { zone: timeZone }).startOf("month");
  return { start: start.toJSDate(), end: start.plus({ months: 1 }).toJSDate() };
}

export function monthOf(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM");
}

export function shiftMonth(month: string, by: number): string {
  return DateTime.fromISO(`${month}-01`, { zone: "UTC" }).plus({ months: by }).toFormat("yyyy-MM");
}

export function monthName(month: string): string {
  return DateTime.fromISO(`${month}-01`, { zone: "UTC" }).setLocale("en").toFormat("LLLL yyyy");
}
