import { DateTime } from "luxon";
import type { Layer } from "./schedule.js";

const DAY_SECONDS = 86_400;

/**
 * Which turn (0, 1, 2, …) of a layer's rotation is running at `at`, or null before it starts.
 * Turns of whole days hand off at the start's local time of day, and turns dividing a day
 * (e.g. 12 h) restart each local day there, so a 09:00 handoff stays at 09:00 across DST.
 */
export function rotationTurnAt(
  layer: Pick<Layer, "start" | "rotationTurnLengthSeconds">,
  timezone: string,
  at: Date,
): number | null {
  const t = at.getTime();
  const start = layer.start.getTime();
  const turnSeconds = layer.rotationTurnLengthSeconds;
  if (!(turnSeconds > 0)) throw new RangeError(`rotation turn length must be positive, got ${turnSeconds}`);
  if (t < start) return null;
  if (turnSeconds % DAY_SECONDS === 0) {
    return Math.floor(localDaysSince(layer.start, timezone, t).days / (turnSeconds / DAY_SECONDS));
  }
  if (DAY_SECONDS % turnSeconds === 0) {
    const turnsPerDay = DAY_SECONDS / turnSeconds;
    const { days, dayStart } = localDaysSince(layer.start, timezone, t);
    // A 23- or 25-hour day shortens or stretches its last turn instead of shifting handoffs.
    const within = Math.min(turnsPerDay - 1, Math.floor((t - dayStart) / (turnSeconds * 1000)));
    return days * turnsPerDay + within;
  }
  return Math.floor((t - start) / (turnSeconds * 1000));
}

/** Whole local days from `start` to `t`, each day beginning at the start's local time of day. */
function localDaysSince(start: Date, zone: string, t: number): { days: number; dayStart: number } {
  const startLocal = DateTime.fromMillis(start.getTime(), { zone });
  const dayStart = (k: number) => startLocal.plus({ days: k }).toMillis();
  let days = Math.floor((t - start.getTime()) / (DAY_SECONDS * 1000));
  while (dayStart(days + 1) <= t) days += 1;
  while (days > 0 && dayStart(days) > t) days -= 1;
  return { days, dayStart: dayStart(days) };
}
