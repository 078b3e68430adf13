/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Minutes since local midnight for a 24-hour "HH:MM", or null when malformed.
 * "24:00" is accepted only where a range may end at the following midnight.
 */
export function parseTimeOfDay(value: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && value === "24:00") return 24 * 60;
  const match = HH_MM.exec(value);
  if (match === null) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isIsoWeekday(value: number): value is IsoWeekday {
  return Number.isInteger(value) && value >= 1 && value <= 7;
}
