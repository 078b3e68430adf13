import type { SlaPause } from "./compute-sla.js";
import type { TicketStatus } from "./ticket-status.js";

/** Statuses in which the SLA clock waits on the customer. */
export const PAUSING_STATUSES: readonly TicketStatus[] = ["PENDING_CUSTOMER"];

/**
 * The pauses after a status change at `at`: entering a waiting status opens a pause, leaving
 * it closes the open one. Other changes leave the pauses as they are.
 */
export function trackPauses(pauses: readonly SlaPause[], from: TicketStatus, to: TicketStatus, at: Date): SlaPause[] {
  const wasPaused = PAUSING_STATUSES.includes(from);
  const isPaused = PAUSING_STATUSES.includes(to);
  if (wasPaused === isPaused) return [...pauses];
  if (isPaused) return [...pauses, { from: at, to: null }];
  return pauses.map((p) => (p.to === null ? { from: p.from, to: at } : p));
}
