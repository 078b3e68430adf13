import { localDate } from "../time/local-date.js";

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timezone`; throws on an unknown zone. */
export function localDateOf(instant: Date, timezone: string): string {
  return localDate(instant, timezone).toFormat("yyyy-MM-dd");
}
