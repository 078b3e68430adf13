import { IANAZone } from "luxon";

/**
 * True for IANA zone names ("UTC", "America/New_York"). Offsets such as "+02:00" are refused although
 * Node accepts them: they ignore daylight saving time. So are machine-dependent names like "local".
 */
export function isValidTimeZone(tz: string): boolean {
  return /^[A-Za-z]/.test(tz) && IANAZone.isValidZone(tz);
}
