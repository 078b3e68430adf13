import { percentile, type SlaPercentileMethod } from "./percentile.js";
import { TICKET_PRIORITIES, type TicketPriority } from "./ticket-priority.js";

export type SlaSample = {
  priority: TicketPriority;
  /** Working minutes to the first response; null while unanswered. */
  firstResponseMinutes: number | null;
  targetMinutes: number;
};

export type PrioritySlaStats = {
  priority: TicketPriority;
  count: number;
  responded: number;
  /** Over answered tickets only; null when none was answered. */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** The target most tickets were held to (the stricter one on a tie); null without tickets. */
  targetMinutes: number | null;
  /** Answered within target ÷ all tickets (an unanswered one has not met it); null without tickets. */
  shareMet: number | null;
};

/** First-response statistics for the SLA report: one row per priority, P1 first, even when empty. */
export function slaStats(samples: readonly SlaSample[], method: SlaPercentileMethod = "LINEAR"): PrioritySlaStats[] {
  return TICKET_PRIORITIES.map((priority) => {
    const group = samples.filter((s) => s.priority === priority);
    const minutes = group.flatMap((s) => (s.firstResponseMinutes === null ? [] : [s.firstResponseMinutes]));
    const met = group.filter(
      (s) => s.firstResponseMinutes !== null && s.firstResponseMinutes <= s.targetMinutes,
    ).length;
    return {
      priority,
      count: group.length,
      responded: minutes.length,
      medianMinutes: percentile(minutes, 50, method),
      p90Minutes: percentile(minutes, 90, method),
      targetMinutes: commonestTarget(group.map((s) => s.targetMinutes)),
      shareMet: group.length === 0 ? null : met / group.length,
    };
  });
}

function commonestTarget(targets: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const t of targets) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best: { target: number; count: number } | null = null;
  for (const [target, count] of counts) {
    if (best === null || count > best.count || (count === best.count && target < best.target)) best = { target, count };
  }
  return best?.target ?? null;
}
