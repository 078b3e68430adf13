/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One working range on a weekday, wall-clock `HH:MM`; `end` may be `24:00` for the end of the day. */
export type WorkingHoursRange = {
  readonly weekday: Weekday;
  readonly start: string;
  readonly end: string;
};

export type WeeklyHours = readonly WorkingHoursRange[];

/** A CSE's calendar: weekly ranges read in an IANA time zone. */
export type WorkingHours = {
  readonly timezone: string;
  readonly weekly: WeeklyHours;
};

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  timezone: "UTC",
  weekly: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
    weekday,
    start: "09:00",
    end: "17:00",
  })),
};

/** Minutes after midnight of an `HH:MM` time (00:00–23:59, or 24:00 when `endOfDay`), or null if malformed. */
export function minutesOfClock(clock: string, endOfDay = false): number | null {
  if (endOfDay && clock === "24:00") return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
