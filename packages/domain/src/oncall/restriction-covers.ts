import { localDate } from "../time/local-date.js";
import { localInstant } from "../time/local-instant.js";
import { plusWallClockSeconds } from "../time/plus-wall-clock-seconds.js";
import { parseTimeOfDay } from "../time/time-of-day.js";
import type { LayerRestriction } from "./schedule.js";

const DAY_SECONDS = 86_400;

/** Whether `at` falls inside one of the restriction windows; a layer without restrictions is always active. */
export function restrictionsCover(
  restrictions: readonly LayerRestriction[] | undefined,
  timezone: string,
  at: Date,
): boolean {
  if (restrictions === undefined || restrictions.length === 0) return true;
  return restrictions.some((r) => windowCovers(r, timezone, at));
}

function windowCovers(restriction: LayerRestriction, zone: string, at: Date): boolean {
  const minuteOfDay = parseTimeOfDay(restriction.startTimeOfDay);
  if (minuteOfDay === null) throw new RangeError(`invalid restriction start "${restriction.startTimeOfDay}"`);
  const t = at.getTime();
  const today = localDate(at, zone);
  // A window that covers `at` began on one of the last few local days, however long it is.
  const lookBackDays = Math.ceil(restriction.durationSeconds / DAY_SECONDS) + 1;
  for (let back = 0; back <= lookBackDays; back += 1) {
    const day = today.minus({ days: back });
    if (restriction.weekday !== undefined && day.weekday !== restriction.weekday) continue;
    const start = localInstant(day, minuteOfDay, zone);
    const end = plusWallClockSeconds(start, restriction.durationSeconds);
    if (start.toMillis() <= t && t < end.toMillis()) return true;
  }
  return false;
}
