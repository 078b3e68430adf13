import { isValidLocalDate } from "../calendar/is-valid-local-date.js";
import { isValidTimeZone } from "../calendar/is-valid-time-zone.js";
import { checkWeeklyRange, type WeeklyRangeProblem } from "../time/check-weekly-range.js";
import type { SlaPolicy, SlaSchedule, SlaWeeklyRange } from "./sla-policy.js";

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
    const check = checkWeeklyRange(range);
    if (check.valid) usableRanges += 1;
    else problems.push(...check.problems.map((problem) => rangeProblem(problem, range)));
  }
  if (usableRanges === 0) problems.push({ code: "NO_WORKING_HOURS" });
  for (const holiday of schedule.holidays) {
    if (!isValidLocalDate(holiday)) problems.push({ code: "INVALID_HOLIDAY", value: holiday });
  }
  return problems;
}

function rangeProblem(problem: WeeklyRangeProblem, range: SlaWeeklyRange): SlaPolicyProblem {
  switch (problem) {
    case "WEEKDAY_OUT_OF_RANGE":
      return { code: "INVALID_WEEKDAY", weekday: range.weekday };
    case "BAD_START":
      return { code: "INVALID_TIME_OF_DAY", value: range.start };
    case "BAD_END":
      return { code: "INVALID_TIME_OF_DAY", value: range.end };
    case "END_NOT_AFTER_START":
      return { code: "EMPTY_RANGE", weekday: range.weekday, start: range.start, end: range.end };
  }
}
