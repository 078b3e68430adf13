export { type BusinessCalendar, UTC_CALENDAR } from "./business-calendar.js";
export { isValidTimeZone } from "./is-valid-time-zone.js";
export { isKnownHolidayRegion } from "./is-known-holiday-region.js";
export { isValidLocalDate } from "./is-valid-local-date.js";
export { localDateOf } from "./local-date-of.js";
export { isPublicHoliday } from "./is-public-holiday.js";
export { isBusinessDay } from "./is-business-day.js";
export { endOfNthBusinessDayAfter } from "./end-of-nth-business-day-after.js";
