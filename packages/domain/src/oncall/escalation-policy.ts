export type EscalationTarget = { kind: "user"; userId: string } | { kind: "schedule"; scheduleId: string };

export type EscalationLevel = {
  /** Minutes to wait for an acknowledgement before paging the next level. */
  timeoutMinutes: number;
  targets: readonly EscalationTarget[];
};

/**
 * PagerDuty semantics: levels are paged in order until someone acknowledges; after the last
 * level the whole policy runs again `repeats` more times. The last level is typically managers.
 */
export type EscalationPolicy = { levels: readonly EscalationLevel[]; repeats: number };

/** One page: `level` is 1-based, `round` is 1 for the first pass and `repeats + 1` for the last. */
export type EscalationStep = { level: number; round: number; notifyAt: Date; userIds: string[] };

/** Who a schedule has on call at an instant, or null for a gap. */
export type ScheduleResolver = (scheduleId: string, at: Date) => string | null;
