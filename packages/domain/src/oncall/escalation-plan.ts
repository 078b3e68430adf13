import type { EscalationPolicy, EscalationStep, ScheduleResolver } from "./escalation-policy.js";

/**
 * Every page the policy would send if nobody acknowledged, in order. Schedules are resolved
 * at the moment their level is paged; a level with nobody to page is skipped at once (its
 * timeout is not waited out), so a gap in a rota never delays the next level.
 */
export function escalationPlan(
  policy: EscalationPolicy,
  startedAt: Date,
  resolveSchedule: ScheduleResolver,
): EscalationStep[] {
  const steps: EscalationStep[] = [];
  let t = startedAt.getTime();
  for (let round = 1; round <= policy.repeats + 1; round += 1) {
    policy.levels.forEach((level, index) => {
      const notifyAt = new Date(t);
      const userIds = new Set<string>();
      for (const target of level.targets) {
        const userId = target.kind === "user" ? target.userId : resolveSchedule(target.scheduleId, notifyAt);
        if (userId !== null) userIds.add(userId);
      }
      if (userIds.size === 0) return;
      steps.push({ level: index + 1, round, notifyAt, userIds: [...userIds] });
      t += level.timeoutMinutes * 60_000;
    });
  }
  return steps;
}
