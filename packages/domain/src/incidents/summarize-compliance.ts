import type { ObligationInstance } from "./cadence-compliance.js";
import { complianceSummary, type ComplianceSummary } from "./compliance-summary.js";
import { CADENCE_OBLIGATIONS, type CadenceObligation } from "./incident-vocabulary.js";

/** Counts per obligation for the compliance report; every obligation appears, even with no instances. */
export function summarizeCompliance(
  instances: readonly ObligationInstance[],
): Record<CadenceObligation, ComplianceSummary> {
  const entries = CADENCE_OBLIGATIONS.map(
    (obligation) => [obligation, complianceSummary(instances.filter((i) => i.obligation === obligation))] as const,
  );
  return Object.fromEntries(entries) as Record<CadenceObligation, ComplianceSummary>;
}
