import type { BusinessCalendar } from "../calendar/index.js";
import type { CadenceInput } from "./cadence-targets.js";
import type { ReportKind } from "./incident-vocabulary.js";

/** What the cadence rules read of the incident itself. */
export type CadenceIncident = Pick<CadenceInput, "reportedAt" | "impactAssessedAt" | "resolvedAt">;

export type PublishedReport = { kind: ReportKind; publishedAt: Date };

/**
 * The cadence rules' input from an incident, the times of its PUBLIC updates (see `publicUpdateTimes`)
 * and its published reports: each report obligation is met by the report of its kind.
 */
export function cadenceInputOf(
  incident: CadenceIncident,
  publicUpdateTimes: readonly Date[],
  reports: readonly PublishedReport[],
  calendar: BusinessCalendar,
): CadenceInput {
  const publishedAt = (kind: ReportKind) => reports.find((r) => r.kind === kind)?.publishedAt ?? null;
  return {
    reportedAt: incident.reportedAt,
    impactAssessedAt: incident.impactAssessedAt,
    publicUpdateTimes,
    resolvedAt: incident.resolvedAt,
    preliminaryPublishedAt: publishedAt("PRELIMINARY"),
    postIncidentPublishedAt: publishedAt("POST_INCIDENT"),
    calendar,
  };
}
