import type { ReportKind } from "./incident-vocabulary.js";

export type ReportDecision =
  | { allowed: true }
  | {
      allowed: false;
      code: "INCIDENT_NOT_RESOLVED" | "REPORT_ALREADY_PUBLISHED" | "SUPERSEDED_BY_POST_INCIDENT_REPORT";
      reason: string;
    };

const NAMES: Record<ReportKind, string> = {
  PRELIMINARY: "preliminary report",
  POST_INCIDENT: "post-incident report",
};

/**
 * Reports follow resolution, and each kind is published once. The post-incident report does not wait
 * for a preliminary one (it meets that obligation itself), but once it is out a preliminary report
 * would only repeat less of it, so that is refused.
 */
export function checkCanPublishReport(
  kind: ReportKind,
  incident: { resolvedAt: Date | null; publishedKinds: readonly ReportKind[] },
): ReportDecision {
  if (incident.resolvedAt === null) {
    return {
      allowed: false,
      code: "INCIDENT_NOT_RESOLVED",
      reason: `a ${NAMES[kind]} can only be published once the incident is resolved`,
    };
  }
  if (incident.publishedKinds.includes(kind)) {
    return {
      allowed: false,
      code: "REPORT_ALREADY_PUBLISHED",
      reason: `the ${NAMES[kind]} has already been published`,
    };
  }
  if (kind === "PRELIMINARY" && incident.publishedKinds.includes("POST_INCIDENT")) {
    return {
      allowed: false,
      code: "SUPERSEDED_BY_POST_INCIDENT_REPORT",
      reason: "the post-incident report is already published and covers everything a preliminary report would",
    };
  }
  return { allowed: true };
}
