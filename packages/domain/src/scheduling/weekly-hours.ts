import { MONDAY_TO_FRIDAY } from "../time/iso-weekday.js";
import type { WeeklyRange } from "../time/weekly-range.js";

/** One working range on a weekday, wall-clock `HH:MM`; `end` may be `24:00` for the end of the day. */
export type WorkingHoursRange = WeeklyRange;

export type WeeklyHours = readonly WorkingHoursRange[];

/** A CSE's calendar: weekly ranges read in an IANA time zone. */
export type WorkingHours = {
  readonly timezone: string;
  readonly weekly: WeeklyHours;
};

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  timezone: "UTC",
  weekly: MONDAY_TO_FRIDAY.map((weekday) => ({
    weekday,
    start: "09:00",
    end: "17:00",
  })),
};
