/** Where an organization's business days are counted: its time zone, extra days off and public-holiday region. */
export type BusinessCalendar = {
  /** IANA time zone, e.g. "Europe/Berlin". */
  timezone: string;
  /** Extra days off as local dates (YYYY-MM-DD). */
  holidays: readonly string[];
  /** A date-holidays country/state/region code, e.g. "US", "DE-BY", "GB"; null or absent for none. */
  holidayRegion?: string | null;
};

/** The contract's default: business days counted in UTC, Monday to Friday, no holidays. */
export const UTC_CALENDAR: BusinessCalendar = Object.freeze({
  timezone: "UTC",
  holidays: Object.freeze([]),
  holidayRegion: null,
});
