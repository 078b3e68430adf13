import type { ComplianceState } from "./cadence-compliance.js";

export type ComplianceSummary = {
  total: number;
  met: number;
  missed: number;
  pending: number;
  /** met / (met + missed); null while nothing has been decided. Pending ones are not counted against anyone. */
  shareMet: number | null;
};

/** How a set of obligation instances fared: the counts by state and the share met of those decided. */
export function complianceSummary(instances: readonly { state: ComplianceState }[]): ComplianceSummary {
  const met = instances.filter((i) => i.state === "MET").length;
  const missed = instances.filter((i) => i.state === "MISSED").length;
  const pending = instances.length - met - missed;
  const shareMet = met + missed === 0 ? null : met / (met + missed);
  return { total: instances.length, met, missed, pending, shareMet };
}
