import { DateTime } from "luxon";

export type ContractYear = { start: Date; end: Date; index: number };

/**
 * `index` 0 is the first contract year. Before the subscription starts there is no contract year
 * (nothing can be booked against it), so that is its own outcome rather than a year -1.
 */
export type ContractYearResult =
  ({ ok: true } & ContractYear) | { ok: false; reason: "BEFORE_SUBSCRIPTION"; subscriptionStart: Date };

/**
 * The contract year containing `at`: from one anniversary of the subscription start date to the next
 * (end exclusive), each at the start of that day in the account's time zone.
 * Dates and zones are validated where they enter the system, so bad ones here are bugs and throw.
 */
export function contractYearAt(subscriptionStartDate: string, timezone: string, at: Date): ContractYearResult {
  const first = startOfDate(subscriptionStartDate, timezone);
  if (Number.isNaN(at.getTime())) throw new RangeError("contractYearAt: invalid instant");
  if (at.getTime() < first.toMillis())
    return {
      ok: false,
      reason: "BEFORE_SUBSCRIPTION",
      subscriptionStart: first.toJSDate(),
    };
  const localYear = DateTime.fromJSDate(at, { zone: timezone }).year;
  let index = localYear - first.year;
  if (anniversary(first, index).toMillis() > at.getTime()) index -= 1;
  return {
    ok: true,
    start: anniversary(first, index).toJSDate(),
    end: anniversary(first, index + 1).toJSDate(),
    index,
  };
}

/**
 * The `years`-th anniversary, always counted from the start date itself. A 29 February start falls on
 * 28 February in common years (luxon clamps to the month's last day): the year then ends in February as
 * agreed rather than spilling into March, and returns to 29 February in leap years.
 */
function anniversary(first: DateTime, years: number): DateTime {
  return first.plus({ years }).startOf("day");
}

// Where local midnight does not exist (a DST jump at 00:00), the day starts at the first instant it has.
function startOfDate(date: string, timezone: string): DateTime {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: timezone }) : null;
  if (!parsed?.isValid) throw new RangeError(`contractYearAt: invalid date ${date} or time zone ${timezone}`);
  return parsed.startOf("day");
}
