import { computeSla, type SlaState, type SlaTicketFacts } from "./compute-sla.js";

/**
 * A ticket's SLA at `now`. Solving a ticket stops its clocks: whether it breached is judged at
 * the moment it was solved, and nothing is due any more. Reopening gives `solvedAt` back as null.
 */
export function ticketSlaAt(facts: SlaTicketFacts, solvedAt: Date | null, now: Date, riskWindowMinutes = 30): SlaState {
  if (solvedAt === null || solvedAt.getTime() > now.getTime()) return computeSla(facts, now, riskWindowMinutes);
  const atSolution = computeSla(facts, solvedAt, riskWindowMinutes);
  return {
    firstResponseDueAt: null,
    nextResponseDueAt: null,
    atRisk: false,
    breached: atSolution.breached,
    paused: false,
  };
}
