export {
  CADENCE_OBLIGATIONS,
  type CadenceObligation,
  IMPACTS,
  type Impact,
  INCIDENT_STATUSES,
  type IncidentStatus,
  REPORT_KINDS,
  type ReportKind,
  SEVERITIES,
  type Severity,
  UPDATE_VISIBILITIES,
  type UpdateVisibility,
} from "./incident-vocabulary.js";
export { MAJOR_SEVERITIES, becomesMajor, isMajor } from "./is-major.js";
export { DEFAULT_PLAYBOOK_SEVERITIES, playbookApplies } from "./playbook-applies.js";
export { checkStatusTransition, type StatusTransitionDecision } from "./check-status-transition.js";
export { checkCanPublishReport, type ReportDecision } from "./check-can-publish-report.js";
export { preliminaryReportMetAt } from "./report-fulfilment.js";
export { publicUpdateTimes } from "./public-update-times.js";
export {
  type CadenceInput,
  IMPACT_ASSESSMENT_WINDOW_MS,
  POST_INCIDENT_REPORT_BUSINESS_DAYS,
  PRELIMINARY_REPORT_BUSINESS_DAYS,
  STATUS_UPDATE_INTERVAL_MS,
} from "./cadence-targets.js";
export { cadenceInputOf, type CadenceIncident, type PublishedReport } from "./cadence-input-of.js";
export { type Cadence, computeCadence } from "./compute-cadence.js";
export { cadenceCompliance, type ComplianceState, type ObligationInstance } from "./cadence-compliance.js";
export { complianceSummary, type ComplianceSummary } from "./compliance-summary.js";
export { summarizeCompliance } from "./summarize-compliance.js";
export { publicNameOf } from "./public-name-of.js";
