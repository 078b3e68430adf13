import type { DateTime } from "luxon";
import { localInstant } from "./local-instant.js";
import { mergeIntervals, type MsInterval } from "./merge-intervals.js";

/**
 * Ranges of minutes after midnight (1440 ends the day) on the calendar date of `date`, as instants in
 * `zone`: sorted, with overlapping or touching ones joined. Converting before joining means a range a DST
 * jump moves or empties never overlaps its neighbour, so a 09:00–17:00 range stays 09:00–17:00 local.
 */
export function intervalsOnLocalDate(
  date: DateTime,
  zone: string,
  ranges: readonly { start: number; end: number }[],
): MsInterval[] {
  const at = (minuteOfDay: number): number => localInstant(date, minuteOfDay, zone).toMillis();
  const intervals = ranges
    .map((r) => ({ start: at(r.start), end: at(r.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  return mergeIntervals(intervals);
}
