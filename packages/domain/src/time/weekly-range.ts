import type { IsoWeekday } from "./iso-weekday.js";

/** One range of wall-clock time on a weekday, "HH:MM" to "HH:MM"; "24:00" may end it. It never crosses midnight. */
export type WeeklyRange = {
  readonly weekday: IsoWeekday;
  readonly start: string;
  readonly end: string;
};
