import { addWorkingMinutes } from "./add-working-minutes.js";
import type { SlaPolicy } from "./sla-policy.js";
import { workingMinutesBetween } from "./working-minutes-between.js";

/** A span spent waiting on the customer; `to` is null while still waiting. */
export type SlaPause = { from: Date; to: Date | null };

export type SlaTicketFacts = {
  policy: SlaPolicy;
  createdAt: Date;
  firstRespondedAt: Date | null;
  lastCustomerMessageAt: Date | null;
  lastAgentResponseAt: Date | null;
  pauses: readonly SlaPause[];
};

export type SlaState = {
  /** Null once the first response has been given. */
  firstResponseDueAt: Date | null;
  /** Set while a customer follow-up awaits an agent's reply. */
  nextResponseDueAt: Date | null;
  atRisk: boolean;
  breached: boolean;
  paused: boolean;
};

/**
 * Where a ticket stands against its SLA at `now`. Paused time does not count; a pause still
 * open is counted up to `now`, so a due time shows what remains once the customer replies.
 * "At risk" means at most `riskWindowMinutes` of working time left on some running clock.
 */
export function computeSla(facts: SlaTicketFacts, now: Date, riskWindowMinutes = 30): SlaState {
  const { policy, createdAt, firstRespondedAt, lastCustomerMessageAt } = facts;
  const nowMs = now.getTime();
  const pauses = facts.pauses
    .filter((p) => p.from.getTime() <= nowMs)
    .map((p) => ({ from: p.from, to: p.to === null || p.to.getTime() > nowMs ? now : p.to }));
  const paused = facts.pauses.some((p) => p.from.getTime() <= nowMs && (p.to === null || p.to.getTime() > nowMs));

  const firstDue = addWorkingMinutes(policy.schedule, createdAt, policy.firstResponseMinutes, pauses);
  const firstResponseLate = firstRespondedAt !== null && firstRespondedAt.getTime() > firstDue.getTime();
  const firstResponseDueAt = firstRespondedAt === null ? firstDue : null;

  // The ticket's opening message is covered by the first-response clock, not this one.
  const lastAgentAt = latest(firstRespondedAt, facts.lastAgentResponseAt);
  const awaitingReply =
    lastAgentAt !== null && lastCustomerMessageAt !== null && lastCustomerMessageAt.getTime() > lastAgentAt.getTime();
  const nextResponseDueAt = awaitingReply
    ? addWorkingMinutes(policy.schedule, lastCustomerMessageAt, policy.nextResponseMinutes, pauses)
    : null;

  const running = [firstResponseDueAt, nextResponseDueAt].filter((d): d is Date => d !== null);
  const breached = firstResponseLate || running.some((due) => nowMs > due.getTime());
  const atRisk =
    !breached &&
    !paused &&
    running.some((due) => workingMinutesBetween(policy.schedule, now, due) <= riskWindowMinutes);
  return { firstResponseDueAt, nextResponseDueAt, atRisk, breached, paused };
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.getTime() >= b.getTime() ? a : b;
}
