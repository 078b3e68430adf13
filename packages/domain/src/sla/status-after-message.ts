import { checkTicketTransition, type TicketTransitionDecision } from "./check-ticket-transition.js";
import type { TicketStatus } from "./ticket-status.js";

export type MessageAuthor = "AGENT" | "CUSTOMER";

export type StatusAfterMessage =
  { allowed: true; status: TicketStatus } | Extract<TicketTransitionDecision, { allowed: false }>;

/**
 * The ticket's status once a message is added. A customer's reply reopens a ticket that waited on
 * them or was solved (a new one stays NEW); an agent's reply opens a NEW ticket unless the agent
 * names another status. A CLOSED ticket takes no messages: a follow-up becomes a new ticket.
 */
export function statusAfterMessage(
  current: TicketStatus,
  author: MessageAuthor,
  requested: TicketStatus | null = null,
): StatusAfterMessage {
  if (current === "CLOSED") {
    const refused = checkTicketTransition(current, requested ?? "OPEN");
    if (!refused.allowed) return refused;
  }
  if (author === "CUSTOMER") return { allowed: true, status: current === "NEW" ? "NEW" : "OPEN" };
  const target = requested ?? (current === "NEW" ? "OPEN" : current);
  if (target === current) return { allowed: true, status: current };
  const move = checkTicketTransition(current, target);
  return move.allowed ? { allowed: true, status: target } : move;
}
