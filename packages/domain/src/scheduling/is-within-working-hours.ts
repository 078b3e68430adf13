import { DateTime } from "luxon";
import type { WorkingHours } from "./weekly-hours.js";
import { workingIntervalsOn } from "./working-intervals-on.js";

/** Whether the whole of [start, end) falls inside one working range, read in the CSE's time zone. */
export function isWithinWorkingHours(hours: WorkingHours, start: Date, end: Date): boolean {
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    throw new RangeError("isWithinWorkingHours: invalid instant");
  if (end.getTime() <= start.getTime()) return false;
  // Ranges never cross midnight, so the only candidates are on the local date the interval starts.
  return workingIntervalsOn(hours, DateTime.fromJSDate(start)).some(
    (interval) => interval.start.getTime() <= start.getTime() && end.getTime() <= interval.end.getTime(),
  );
}
