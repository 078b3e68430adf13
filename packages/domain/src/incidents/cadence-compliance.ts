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

export type ComplianceState = "MET" | "MISSED" | "PENDING";

export type ObligationInstance = {
  obligation: CadenceObligation;
  dueAt: Date;
  /** When the obligation was fulfilled, on time or late; null while it has not been. */
  metAt: Date | null;
  /** MET: fulfilled at or before dueAt. MISSED: fulfilled late, or unfulfilled past dueAt. PENDING: neither yet. */
  state: ComplianceState;
};

/**
 * Every obligation the incident incurred, judged at `now`: the impact assessment, each status-update
 * window, and (once resolved) both reports. A window runs from the report or the previous public
 * update and ends at the next public update or the resolution, so a late gap is one miss.
 */
export function cadenceCompliance(input: CadenceInput, now: Date): ObligationInstance[] {
  const judge = (obligation: CadenceObligation, dueAt: Date, metAt: Date | null): ObligationInstance => ({
    obligation,
    dueAt,
    metAt,
    state: metAt !== null ? (metAt <= dueAt ? "MET" : "MISSED") : now > dueAt ? "MISSED" : "PENDING",
  });

  const instances = [
    judge("IMPACT_ASSESSMENT", after(input.reportedAt, IMPACT_ASSESSMENT_WINDOW_MS), input.impactAssessedAt),
  ];
  for (const window of statusUpdateWindows(input)) {
    instances.push(judge("STATUS_UPDATE", after(window.start, STATUS_UPDATE_INTERVAL_MS), window.end));
  }
  if (input.resolvedAt !== null) {
    const { calendar, resolvedAt } = input;
    const preliminaryDue = endOfNthBusinessDayAfter(calendar, resolvedAt, PRELIMINARY_REPORT_BUSINESS_DAYS);
    const postIncidentDue = endOfNthBusinessDayAfter(calendar, resolvedAt, POST_INCIDENT_REPORT_BUSINESS_DAYS);
    instances.push(
      judge(
        "PRELIMINARY_REPORT",
        preliminaryDue,
        preliminaryReportMetAt(input.preliminaryPublishedAt, input.postIncidentPublishedAt),
      ),
    );
    instances.push(judge("POST_INCIDENT_REPORT", postIncidentDue, input.postIncidentPublishedAt));
  }
  return instances;
}

type Window = { start: Date; end: Date | null };

function statusUpdateWindows({ reportedAt, publicUpdateTimes, resolvedAt }: CadenceInput): Window[] {
  const closers = [...publicUpdateTimes, ...(resolvedAt === null ? [] : [resolvedAt])]
    .filter((t) => t > reportedAt && (resolvedAt === null || t <= resolvedAt))
    .sort((a, b) => a.getTime() - b.getTime());
  const windows: Window[] = [];
  let start = reportedAt;
  for (const closer of closers) {
    // An update at the same instant as the previous one (often the resolving update) opens no new window.
    if (closer.getTime() === start.getTime()) continue;
    windows.push({ start, end: closer });
    start = closer;
  }
  if (resolvedAt === null) windows.push({ start, end: null });
  return windows;
}

function after(instant: Date, ms: number): Date {
  return new Date(instant.getTime() + ms);
}
