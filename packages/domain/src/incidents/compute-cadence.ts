import { endOfNthBusinessDayAfter } from "../calendar/index.js";
import {
  type CadenceInput,
  IMPACT_ASSESSMENT_WINDOW_MS,
  POST_INCIDENT_REPORT_BUSINESS_DAYS,
  PRELIMINARY_REPORT_BUSINESS_DAYS,
  STATUS_UPDATE_INTERVAL_MS,
} from "./cadence-targets.js";
import type { CadenceObligation } from "./incident-vocabulary.js";
import { preliminaryReportMetAt } from "./report-fulfilment.js";

export type Cadence = {
  impactAssessmentDueAt: Date;
  impactAssessedAt: Date | null;
  nextUpdateDueAt: Date | null;
  preliminaryReportDueAt: Date | null;
  postIncidentReportDueAt: Date | null;
  /** Obligations unmet and past due at `now`; meeting one exactly at its deadline is on time. */
  overdue: CadenceObligation[];
};

/** The contract's Cadence: what is due when, and what is overdue at `now`. */
export function computeCadence(input: CadenceInput, now: Date): Cadence {
  const impactAssessmentDueAt = new Date(input.reportedAt.getTime() + IMPACT_ASSESSMENT_WINDOW_MS);
  const nextUpdateDueAt = input.resolvedAt === null ? nextUpdateDue(input.reportedAt, input.publicUpdateTimes) : null;
  const preliminaryReportDueAt = reportDue(input, PRELIMINARY_REPORT_BUSINESS_DAYS);
  const postIncidentReportDueAt = reportDue(input, POST_INCIDENT_REPORT_BUSINESS_DAYS);

  const unmetAndPast = (dueAt: Date | null, metAt: Date | null) => dueAt !== null && metAt === null && now > dueAt;
  const overdue: CadenceObligation[] = [];
  if (unmetAndPast(impactAssessmentDueAt, input.impactAssessedAt)) overdue.push("IMPACT_ASSESSMENT");
  if (unmetAndPast(nextUpdateDueAt, null)) overdue.push("STATUS_UPDATE");
  if (
    unmetAndPast(
      preliminaryReportDueAt,
      preliminaryReportMetAt(input.preliminaryPublishedAt, input.postIncidentPublishedAt),
    )
  ) {
    overdue.push("PRELIMINARY_REPORT");
  }
  if (unmetAndPast(postIncidentReportDueAt, input.postIncidentPublishedAt)) overdue.push("POST_INCIDENT_REPORT");

  return {
    impactAssessmentDueAt,
    impactAssessedAt: input.impactAssessedAt,
    nextUpdateDueAt,
    preliminaryReportDueAt,
    postIncidentReportDueAt,
    overdue,
  };
}

function nextUpdateDue(reportedAt: Date, publicUpdateTimes: readonly Date[]): Date {
  const latest = publicUpdateTimes.reduce((max, t) => Math.max(max, t.getTime()), reportedAt.getTime());
  return new Date(latest + STATUS_UPDATE_INTERVAL_MS);
}

function reportDue(input: CadenceInput, businessDays: number): Date | null {
  return input.resolvedAt === null ? null : endOfNthBusinessDayAfter(input.calendar, input.resolvedAt, businessDays);
}
