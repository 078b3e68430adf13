/** Minutes after local midnight of the following midnight: where a range may end, never where one starts. */
export const END_OF_DAY = 24 * 60;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes after local midnight for a 24-hour "HH:MM" (00:00–23:59), or null when malformed.
 * "24:00" is accepted only with `allowEndOfDay`, where a range may end at the following midnight.
 */
export function parseTimeOfDay(value: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && value === "24:00") return END_OF_DAY;
  const match = HH_MM.exec(value);
  if (match === null) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The "HH:MM" that `parseTimeOfDay` reads back as `minuteOfDay`; 1440 is "24:00". */
export function formatTimeOfDay(minuteOfDay: number): string {
  if (!Number.isInteger(minuteOfDay) || minuteOfDay < 0 || minuteOfDay > END_OF_DAY)
    throw new RangeError(`not a minute of the day: ${minuteOfDay}`);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(minuteOfDay / 60))}:${pad(minuteOfDay % 60)}`;
}
