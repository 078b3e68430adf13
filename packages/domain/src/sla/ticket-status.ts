/** In lifecycle order, from a fresh ticket to one that can no longer change. */
export const TICKET_STATUSES = ["NEW", "OPEN", "PENDING_CUSTOMER", "ON_HOLD", "SOLVED", "CLOSED"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export function isTicketStatus(value: string): value is TicketStatus {
  return (TICKET_STATUSES as readonly string[]).includes(value);
}
