import type { BusinessCalendar } from "../calendar/index.js";

// The liaison's promises to customers during an incident (seed 000, "Communicating incident updates").
export const IMPACT_ASSESSMENT_WINDOW_MS = 5 * 60_000;
export const STATUS_UPDATE_INTERVAL_MS = 15 * 60_000;
export const PRELIMINARY_REPORT_BUSINESS_DAYS = 1;
export const POST_INCIDENT_REPORT_BUSINESS_DAYS = 5;

/** What the cadence rules need to know about one incident. */
export type CadenceInput = {
  reportedAt: Date;
  impactAssessedAt: Date | null;
  /** Times of PUBLIC updates only; internal notes do not keep customers informed. */
  publicUpdateTimes: readonly Date[];
  resolvedAt: Date | null;
  preliminaryPublishedAt: Date | null;
  postIncidentPublishedAt: Date | null;
  calendar: BusinessCalendar;
};
