import { DateTime } from "luxon";

/**
 * Adds wall-clock time, so 22:00 + 10 h is 08:00 local even when clocks change in between.
 * luxon's `plus({ seconds })` would add elapsed time instead.
 */
export function plusWallClockSeconds(local: DateTime, seconds: number): DateTime {
  const wall = DateTime.fromObject(wallClockOf(local), { zone: "utc" }).plus({ seconds });
  return DateTime.fromObject(wallClockOf(wall), { zone: local.zone });
}

function wallClockOf(t: DateTime) {
  const { year, month, day, hour, minute, second, millisecond } = t;
  return { year, month, day, hour, minute, second, millisecond };
}
