import type { EscalationStep } from "./escalation-policy.js";

export type EscalationProgress =
  | { done: false; due: readonly EscalationStep[]; next: EscalationStep }
  | { done: true; reason: "ACKNOWLEDGED" | "EXHAUSTED"; due: readonly EscalationStep[] };

/**
 * Where an escalation stands at `now`. `due` holds every step that should have been paged
 * so far (the caller skips ones already sent); an acknowledgement stops the climb, so steps
 * from that instant on are never due. EXHAUSTED: every step is paged and nobody acknowledged.
 */
export function nextEscalationStep(
  plan: readonly EscalationStep[],
  acknowledgedAt: Date | null,
  now: Date,
): EscalationProgress {
  const nowMs = now.getTime();
  // An acknowledgement stamped after `now` has not happened yet from this caller's view.
  if (acknowledgedAt !== null && acknowledgedAt.getTime() <= nowMs) {
    const ackMs = acknowledgedAt.getTime();
    return { done: true, reason: "ACKNOWLEDGED", due: plan.filter((s) => s.notifyAt.getTime() < ackMs) };
  }
  const due = plan.filter((s) => s.notifyAt.getTime() <= nowMs);
  const next = plan.find((s) => s.notifyAt.getTime() > nowMs);
  return next === undefined ? { done: true, reason: "EXHAUSTED", due } : { done: false, due, next };
}
