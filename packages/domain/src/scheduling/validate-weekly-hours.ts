import { checkWeeklyRange, type WeeklyRangeProblem } from "../time/check-weekly-range.js";
import type { WeeklyHours, WorkingHoursRange } from "./weekly-hours.js";

export type WeeklyHoursProblem = {
  /** Position of the offending entry in the input list. */
  readonly index: number;
  readonly field: "weekday" | "start" | "end";
  readonly code: "WEEKDAY_OUT_OF_RANGE" | "BAD_TIME_FORMAT" | "END_NOT_AFTER_START" | "OVERLAPPING_RANGES";
  readonly message: string;
  /** For overlaps: the earlier entry this one overlaps. */
  readonly overlapsWith?: number;
};

export type WeeklyHoursValidation =
  | { valid: true; weekly: WeeklyHours }
  | {
      valid: false;
      reason: "INVALID_WORKING_HOURS";
      problems: WeeklyHoursProblem[];
    };

export type WeeklyHoursInput = readonly {
  readonly weekday: number;
  readonly start: string;
  readonly end: string;
}[];

const MESSAGES: Record<WeeklyRangeProblem, Pick<WeeklyHoursProblem, "field" | "code" | "message">> = {
  WEEKDAY_OUT_OF_RANGE: {
    field: "weekday",
    code: "WEEKDAY_OUT_OF_RANGE",
    message: "Weekday must be 1 (Monday) to 7 (Sunday).",
  },
  BAD_START: { field: "start", code: "BAD_TIME_FORMAT", message: "Start must be a time HH:MM, 00:00 to 23:59." },
  BAD_END: { field: "end", code: "BAD_TIME_FORMAT", message: "End must be a time HH:MM, 00:01 to 24:00." },
  END_NOT_AFTER_START: {
    field: "end",
    code: "END_NOT_AFTER_START",
    message: "End must be later than start on the same day.",
  },
};

/** Checks a CSE's weekly hours entry by entry, naming every bad one. Ranges that only touch do not overlap. */
export function validateWeeklyHours(weekly: WeeklyHoursInput): WeeklyHoursValidation {
  const problems: WeeklyHoursProblem[] = [];
  const sound: { index: number; range: WorkingHoursRange; start: number; end: number }[] = [];
  weekly.forEach((entry, index) => {
    const check = checkWeeklyRange(entry);
    if (check.valid) {
      const range = { weekday: check.weekday, start: entry.start, end: entry.end };
      sound.push({ index, range, start: check.start, end: check.end });
    } else problems.push(...check.problems.map((problem) => ({ index, ...MESSAGES[problem] })));
  });
  for (const [i, a] of sound.entries()) {
    const clash = sound
      .slice(0, i)
      .find((b) => b.range.weekday === a.range.weekday && b.start < a.end && a.start < b.end);
    if (clash) {
      problems.push({
        index: a.index,
        field: "start",
        code: "OVERLAPPING_RANGES",
        overlapsWith: clash.index,
        message: `Overlaps entry ${clash.index} on the same weekday.`,
      });
    }
  }
  if (problems.length > 0)
    return {
      valid: false,
      reason: "INVALID_WORKING_HOURS",
      problems: problems.sort((a, b) => a.index - b.index),
    };
  return { valid: true, weekly: sound.map(({ range }) => range) };
}
