import { DateTime } from "luxon";
import type { WorkingHours } from "./weekly-hours.js";
import { workingIntervalsOn } from "./working-intervals-on.js";

/**
 * Start times of `durationMinutes` sessions lying wholly within working hours and within [from, to),
 * stepping `stepMinutes` from the start of each working range (09:00, 09:30, …), in ascending order.
 * Existing bookings, holidays and notice periods are the caller's to filter out.
 */
export function candidateSlots(
  hours: WorkingHours,
  from: Date,
  to: Date,
  durationMinutes: number,
  stepMinutes = 30,
): Date[] {
  if (!isPositiveInteger(durationMinutes) || !isPositiveInteger(stepMinutes)) {
    throw new RangeError("candidateSlots: duration and step must be positive whole minutes");
  }
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()))
    throw new RangeError("candidateSlots: invalid instant");
  const duration = durationMinutes * 60_000;
  const step = stepMinutes * 60_000;
  const slots: Date[] = [];
  const lastDay = DateTime.fromJSDate(to, { zone: hours.timezone }).startOf("day");
  for (
    let day = DateTime.fromJSDate(from, { zone: hours.timezone }).startOf("day");
    day <= lastDay;
    day = day.plus({ days: 1 })
  ) {
    for (const interval of workingIntervalsOn(hours, day)) {
      for (let start = interval.start.getTime(); start + duration <= interval.end.getTime(); start += step) {
        if (start >= from.getTime() && start + duration <= to.getTime()) slots.push(new Date(start));
      }
    }
  }
  return slots;
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}
