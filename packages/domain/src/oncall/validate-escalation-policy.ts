import type { EscalationPolicy } from "./escalation-policy.js";

export type EscalationPolicyProblem =
  | { code: "NO_LEVELS" }
  | { code: "NO_TARGETS"; level: number }
  | { code: "EMPTY_TARGET_ID"; level: number }
  | { code: "UNKNOWN_SCHEDULE"; level: number; scheduleId: string }
  | { code: "TIMEOUT_TOO_SHORT"; level: number; timeoutMinutes: number }
  | { code: "INVALID_REPEATS"; repeats: number; max: number };

export type EscalationPolicyValidation =
  { valid: true } | { valid: false; problems: readonly EscalationPolicyProblem[] };

/** PagerDuty's cap on `num_loops`: beyond it, nobody is going to answer. */
export const MAX_ESCALATION_REPEATS = 9;

/** Levels are 1-based in problems, as people count them. Pass `knownScheduleIds` to catch dangling targets. */
export function validateEscalationPolicy(
  policy: EscalationPolicy,
  knownScheduleIds?: ReadonlySet<string>,
): EscalationPolicyValidation {
  const problems: EscalationPolicyProblem[] = [];
  if (policy.levels.length === 0) problems.push({ code: "NO_LEVELS" });
  policy.levels.forEach((lvl, index) => {
    const level = index + 1;
    if (lvl.targets.length === 0) problems.push({ code: "NO_TARGETS", level });
    for (const target of lvl.targets) {
      const id = target.kind === "user" ? target.userId : target.scheduleId;
      if (id.trim() === "") problems.push({ code: "EMPTY_TARGET_ID", level });
      else if (target.kind === "schedule" && knownScheduleIds !== undefined && !knownScheduleIds.has(id)) {
        problems.push({ code: "UNKNOWN_SCHEDULE", level, scheduleId: id });
      }
    }
    if (!(lvl.timeoutMinutes >= 1) || !Number.isFinite(lvl.timeoutMinutes)) {
      problems.push({ code: "TIMEOUT_TOO_SHORT", level, timeoutMinutes: lvl.timeoutMinutes });
    }
  });
  const { repeats } = policy;
  if (!Number.isInteger(repeats) || repeats < 0 || repeats > MAX_ESCALATION_REPEATS) {
    problems.push({ code: "INVALID_REPEATS", repeats, max: MAX_ESCALATION_REPEATS });
  }
  return problems.length === 0 ? { valid: true } : { valid: false, problems };
}
