import type { TicketStatus } from "./ticket-status.js";

export type TicketTransitionDecision =
  | { allowed: true; from: TicketStatus; to: TicketStatus }
  | {
      allowed: false;
      reason: "SAME_STATUS" | "TICKET_CLOSED" | "TRANSITION_NOT_ALLOWED";
      from: TicketStatus;
      to: TicketStatus;
      allowedTargets: readonly TicketStatus[];
    };

// Zendesk semantics: nothing returns to NEW, a solved ticket is reopened (OPEN) before
// it can wait again, and CLOSED is final — a follow-up becomes a new ticket.
const NEXT: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  NEW: ["OPEN", "PENDING_CUSTOMER", "ON_HOLD", "SOLVED"],
  OPEN: ["PENDING_CUSTOMER", "ON_HOLD", "SOLVED"],
  PENDING_CUSTOMER: ["OPEN", "ON_HOLD", "SOLVED"],
  ON_HOLD: ["OPEN", "PENDING_CUSTOMER", "SOLVED"],
  SOLVED: ["OPEN", "CLOSED"],
  CLOSED: [],
};

export function checkTicketTransition(from: TicketStatus, to: TicketStatus): TicketTransitionDecision {
  const allowedTargets = NEXT[from];
  if (allowedTargets.includes(to)) return { allowed: true, from, to };
  const reason = from === to ? "SAME_STATUS" : from === "CLOSED" ? "TICKET_CLOSED" : "TRANSITION_NOT_ALLOWED";
  return { allowed: false, reason, from, to, allowedTargets };
}
