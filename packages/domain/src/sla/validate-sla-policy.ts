import { isValidLocalDate } from "../calendar/is-valid-local-date.js";
import { isValidTimeZone } from "../calendar/is-valid-time-zone.js";
import type { SlaPolicy, SlaSchedule } from "./sla-policy.js";
import { isIsoWeekday, parseTimeOfDay } from "./time-of-day.js";

export type SlaPolicyProblem =
  | { code: "NON_POSITIVE_TARGET"; field: "firstResponseMinutes" | "nextResponseMinutes"; value: number }
  | { code: "INVALID_TIMEZONE"; timezone: string }
  | { code: "INVALID_WEEKDAY"; weekday: number }
  | { code: "INVALID_TIME_OF_DAY"; value: string }
  | { code: "EMPTY_RANGE"; weekday: number; start: string; end: string }
  | { code: "NO_WORKING_HOURS" }
  | { code: "INVALID_HOLIDAY"; value: string };

export type SlaPolicyValidation = { valid: true } | { valid: false; problems: readonly SlaPolicyProblem[] };

export function validateSlaPolicy(policy: SlaPolicy): SlaPolicyValidation {
  const problems: SlaPolicyProblem[] = [];
  for (const field of ["firstResponseMinutes", "nextResponseMinutes"] as const) {
    const value = policy[field];
    if (!Number.isFinite(value) || value <= 0) problems.push({ code: "NON_POSITIVE_TARGET", field, value });
  }
  problems.push(...scheduleProblems(policy.schedule));
  return problems.length === 0 ? { valid: true } : { valid: false, problems };
}

/** Problems that would make working-time arithmetic meaningless (or never terminate). */
export function scheduleProblems(schedule: SlaSchedule): SlaPolicyProblem[] {
  if (schedule.kind === "24x7") return [];
  const problems: SlaPolicyProblem[] = [];
  if (!isValidTimeZone(schedule.timezone)) problems.push({ code: "INVALID_TIMEZONE", timezone: schedule.timezone });
  let usableRanges = 0;
  for (const range of schedule.weekly) {
    if (!isIsoWeekday(range.weekday)) problems.push({ code: "INVALID_WEEKDAY", weekday: range.weekday });
    const start = parseTimeOfDay(range.start);
    const end = parseTimeOfDay(range.end, true);
    if (start === null) problems.push({ code: "INVALID_TIME_OF_DAY", value: range.start });
    if (end === null) problems.push({ code: "INVALID_TIME_OF_DAY", value: range.end });
    if (start === null || end === null) continue;
    if (end <= start)
      problems.push({ code: "EMPTY_RANGE", weekday: range.weekday, start: range.start, end: range.end });
    else if (isIsoWeekday(range.weekday)) usableRanges += 1;
  }
  if (usableRanges === 0) problems.push({ code: "NO_WORKING_HOURS" });
  for (const holiday of schedule.holidays) {
    if (!isValidLocalDate(holiday)) problems.push({ code: "INVALID_HOLIDAY", value: holiday });
  }
  return problems;
}
