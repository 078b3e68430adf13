// Weekdays and wall-clock times of day: one vocabulary for SLA schedules, on-call restrictions and CSE hours.
export { ISO_WEEKDAYS, MONDAY_TO_FRIDAY, isIsoWeekday, type IsoWeekday } from "./iso-weekday.js";
export { END_OF_DAY, formatTimeOfDay, parseTimeOfDay } from "./time-of-day.js";
export type { WeeklyRange } from "./weekly-range.js";
export { checkWeeklyRange, type WeeklyRangeCheck, type WeeklyRangeProblem } from "./check-weekly-range.js";
export { localDate } from "./local-date.js";
export { localInstant } from "./local-instant.js";
export { plusWallClockSeconds } from "./plus-wall-clock-seconds.js";
export { mergeIntervals, type MsInterval } from "./merge-intervals.js";
export { intervalsOnLocalDate } from "./intervals-on-local-date.js";
