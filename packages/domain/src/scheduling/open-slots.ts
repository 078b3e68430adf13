import { candidateSlots } from "./candidate-slots.js";
import { overlaps, type EngineerCalendar } from "./engineers-available.js";

export type OpenSlot = {
  readonly start: Date;
  readonly end: Date;
  /** How many CSEs could take it. */
  readonly engineers: number;
};

export type OpenSlotsRequest = {
  readonly engineers: readonly EngineerCalendar[];
  readonly from: Date;
  readonly to: Date;
  readonly durationMinutes: number;
  /** Nothing starting at or before this instant is offered (the present). */
  readonly after: Date;
  readonly stepMinutes?: number;
};

/**
 * Start times in [from, to) at which at least one CSE works and is free for the whole session,
 * on each CSE's grid of half hours from the start of their working ranges, soonest first.
 */
export function openSlots(request: OpenSlotsRequest): OpenSlot[] {
  const { engineers, from, to, durationMinutes, after } = request;
  const byStart = new Map<number, number>();
  for (const engineer of engineers) {
    for (const start of candidateSlots(engineer.hours, from, to, durationMinutes, request.stepMinutes ?? 30)) {
      if (start.getTime() <= after.getTime()) continue;
      const session = { start, end: new Date(start.getTime() + durationMinutes * 60_000) };
      if (engineer.busy.some((b) => overlaps(b, session))) continue;
      byStart.set(start.getTime(), (byStart.get(start.getTime()) ?? 0) + 1);
    }
  }
  return [...byStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, count]) => ({
      start: new Date(start),
      end: new Date(start + durationMinutes * 60_000),
      engineers: count,
    }));
}
