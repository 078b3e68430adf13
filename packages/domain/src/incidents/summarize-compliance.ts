import type { ObligationInstance } from "./cadence-compliance.js";
import { CADENCE_OBLIGATIONS, type CadenceObligation } from "./incident-vocabulary.js";

export type ComplianceSummary = {
  total: number;
  met: number;
  missed: number;
  pending: number;
  /** met / (met + missed); null while nothing has been decided. Pending ones are not counted against anyone. */
  shareMet: number | null;
};

/** Counts per obligation for the compliance report; every obligation appears, even with no instances. */
export function summarizeCompliance(
  instances: readonly ObligationInstance[],
): Record<CadenceObligation, ComplianceSummary> {
  const entries = CADENCE_OBLIGATIONS.map((obligation) => {
    const mine = instances.filter((i) => i.obligation === obligation);
    const met = mine.filter((i) => i.state === "MET").length;
    const missed = mine.filter((i) => i.state === "MISSED").length;
    const pending = mine.length - met - missed;
    const shareMet = met + missed === 0 ? null : met / (met + missed);
    return [obligation, { total: mine.length, met, missed, pending, shareMet }] as const;
  });
  return Object.fromEntries(entries) as Record<CadenceObligation, ComplianceSummary>;
}
