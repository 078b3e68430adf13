import type { Severity } from "./incident-vocabulary.js";

/** The severities whose incidents mobilize the major-incident playbook unless the organization says otherwise. */
export const DEFAULT_PLAYBOOK_SEVERITIES: readonly Severity[] = ["SEV1", "SEV2"];

/**
 * The playbook runs when an incident is reported at (`from` null) or raised to a severity the organization
 * mobilizes for; a change between two such severities does not run it again.
 */
export function playbookApplies(severities: readonly Severity[], from: Severity | null, to: Severity): boolean {
  return severities.includes(to) && (from === null || !severities.includes(from));
}
