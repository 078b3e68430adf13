import type { Severity } from "./incident-vocabulary.js";

/** SEV1 and SEV2 are major incidents: they get the on-duty liaison and the conference bridge. */
export const MAJOR_SEVERITIES = ["SEV1", "SEV2"] as const satisfies readonly Severity[];

export function isMajor(severity: Severity): boolean {
  return (MAJOR_SEVERITIES as readonly Severity[]).includes(severity);
}

/** True when a severity change raises a non-major incident to a major one. */
export function becomesMajor(from: Severity, to: Severity): boolean {
  return !isMajor(from) && isMajor(to);
}
