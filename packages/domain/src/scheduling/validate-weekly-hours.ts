import { minutesOfClock, type WeeklyHours, type Weekday } from "./weekly-hours.js";

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

/** Checks a CSE's weekly hours entry by entry, naming every bad one. Ranges that only touch do not overlap. */
export function validateWeeklyHours(weekly: WeeklyHoursInput): WeeklyHoursValidation {
  const problems: WeeklyHoursProblem[] = [];
  const sound: {
    index: number;
    weekday: number;
    start: number;
    end: number;
  }[] = [];
  weekly.forEach((entry, index) => {
    const before = problems.length;
    if (!Number.isInteger(entry.weekday) || entry.weekday < 1 || entry.weekday > 7) {
      problems.push({
        index,
        field: "weekday",
        code: "WEEKDAY_OUT_OF_RANGE",
        message: "Weekday must be 1 (Monday) to 7 (Sunday).",
      });
    }
    const start = minutesOfClock(entry.start);
    const end = minutesOfClock(entry.end, true);
    if (start === null)
      problems.push({
        index,
        field: "start",
        code: "BAD_TIME_FORMAT",
        message: "Start must be a time HH:MM, 00:00 to 23:59.",
      });
    if (end === null)
      problems.push({
        index,
        field: "end",
        code: "BAD_TIME_FORMAT",
        message: "End must be a time HH:MM, 00:01 to 24:00.",
      });
    if (start !== null && end !== null && end <= start) {
      problems.push({
        index,
        field: "end",
        code: "END_NOT_AFTER_START",
        message: "End must be later than start on the same day.",
      });
    }
    if (problems.length === before && start !== null && end !== null)
      sound.push({ index, weekday: entry.weekday, start, end });
  });
  for (const [i, a] of sound.entries()) {
    const clash = sound.slice(0, i).find((b) => b.weekday === a.weekday && b.start < a.end && a.start < b.end);
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
  // Every weekday was checked to be 1–7 above.
  return {
    valid: true,
    weekly: weekly.map(({ weekday, start, end }) => ({
      weekday: weekday as Weekday,
      start,
      end,
    })),
  };
}
