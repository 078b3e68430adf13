import type { DateTime } from "luxon";
import { checkWeeklyRange } from "../time/check-weekly-range.js";
import { intervalsOnLocalDate } from "../time/intervals-on-local-date.js";
import { localDate } from "../time/local-date.js";
import { mergeIntervals, type MsInterval } from "../time/merge-intervals.js";
import type { SlaSchedule } from "./sla-policy.js";
import { scheduleProblems } from "./validate-sla-policy.js";

/** A span during which the clock does not run (e.g. waiting on the customer). */
export type ClockPause = { from: Date; to: Date };

// A schedule with working hours has some in every week; this only trips on absurd holiday lists.
const MAX_IDLE_DAYS = 3660;

/**
 * The working time of a schedule from `fromMs` onwards, as sorted, disjoint intervals,
 * with `excluded` spans cut out. Local ranges are turned into instants per day, so a
 * 09:00–17:00 range stays 09:00–17:00 on the wall clock across DST changes.
 */
export function* workingIntervals(
  schedule: SlaSchedule,
  fromMs: number,
  excluded: readonly ClockPause[] = [],
): Generator<MsInterval> {
  yield* subtract(rawWorkingIntervals(schedule, fromMs), mergePauses(excluded));
}

function* rawWorkingIntervals(schedule: SlaSchedule, fromMs: number): Generator<MsInterval> {
  if (schedule.kind === "24x7") {
    yield { start: fromMs, end: Infinity };
    return;
  }
  const problems = scheduleProblems(schedule);
  if (problems.length > 0) throw new Error(`Invalid SLA schedule: ${JSON.stringify(problems)}`);

  const zone = schedule.timezone;
  const holidays = new Set(schedule.holidays);
  const rangesByWeekday = new Map<number, { start: number; end: number }[]>();
  for (const range of schedule.weekly.map(checkWeeklyRange)) {
    if (!range.valid) continue; // cannot happen: scheduleProblems has refused the schedule above
    const list = rangesByWeekday.get(range.weekday) ?? [];
    list.push({ start: range.start, end: range.end });
    rangesByWeekday.set(range.weekday, list);
  }

  // Calendar dates are walked in UTC so that stepping a day never meets a DST gap.
  let date = localDate(new Date(fromMs), zone);
  let lastEnd = fromMs;
  let idleDays = 0;
  for (;;) {
    const day = dayIntervals(date, zone, holidays, rangesByWeekday.get(date.weekday) ?? []);
    let yielded = false;
    for (const interval of day) {
      const start = Math.max(interval.start, lastEnd);
      if (interval.end <= start) continue;
      yield { start, end: interval.end };
      lastEnd = interval.end;
      yielded = true;
    }
    idleDays = yielded ? 0 : idleDays + 1;
    if (idleDays > MAX_IDLE_DAYS) throw new Error("SLA schedule has no working time in ten years");
    date = date.plus({ days: 1 });
  }
}

function dayIntervals(
  date: DateTime,
  zone: string,
  holidays: ReadonlySet<string>,
  ranges: readonly { start: number; end: number }[],
): MsInterval[] {
  if (ranges.length === 0 || holidays.has(date.toISODate() ?? "")) return [];
  return intervalsOnLocalDate(date, zone, ranges);
}

function mergePauses(pauses: readonly ClockPause[]): MsInterval[] {
  // An inverted or empty pause stops no clock, so it is ignored rather than trusted.
  const intervals = pauses
    .map((p) => ({ start: p.from.getTime(), end: p.to.getTime() }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  return mergeIntervals(intervals);
}

function* subtract(source: Iterable<MsInterval>, excluded: readonly MsInterval[]): Generator<MsInterval> {
  let first = 0;
  for (const interval of source) {
    let start = interval.start;
    while ((excluded[first]?.end ?? Infinity) <= start) first += 1;
    for (let i = first; start < interval.end; i += 1) {
      const cut = excluded[i];
      if (cut === undefined || cut.start >= interval.end) {
        yield { start, end: interval.end };
        break;
      }
      if (cut.start > start) yield { start, end: cut.start };
      start = Math.max(start, cut.end);
    }
  }
}
