import { isIsoWeekday, type IsoWeekday } from "./iso-weekday.js";
import { parseTimeOfDay } from "./time-of-day.js";

export type WeeklyRangeProblem = "WEEKDAY_OUT_OF_RANGE" | "BAD_START" | "BAD_END" | "END_NOT_AFTER_START";

export type WeeklyRangeCheck =
  | { valid: true; weekday: IsoWeekday; start: number; end: number }
  | { valid: false; problems: readonly WeeklyRangeProblem[] };

/**
 * Reads one weekly range as untrusted input: a weekday 1–7, a start 00:00–23:59, an end 00:01–24:00 later
 * on the same day. Valid ranges come back in minutes after midnight; otherwise every problem, in that order.
 */
export function checkWeeklyRange(range: { weekday: number; start: string; end: string }): WeeklyRangeCheck {
  const problems: WeeklyRangeProblem[] = [];
  const weekday = isIsoWeekday(range.weekday) ? range.weekday : null;
  const start = parseTimeOfDay(range.start);
  const end = parseTimeOfDay(range.end, true);
  if (weekday === null) problems.push("WEEKDAY_OUT_OF_RANGE");
  if (start === null) problems.push("BAD_START");
  if (end === null) problems.push("BAD_END");
  if (start !== null && end !== null && end <= start) problems.push("END_NOT_AFTER_START");
  if (weekday === null || start === null || end === null || end <= start) return { valid: false, problems };
  return { valid: true, weekday, start, end };
}
