import { ticketSlaAt, type SlaPause, type SlaPolicy, type SlaState } from "@liaison/domain";
import type { Ticket } from "../ticket.entity.js";

/** A ticket row as the domain's SLA rules read it: pure, so timers, resolvers and analytics share it. */
function slaPolicyOf(ticket: Ticket): SlaPolicy {
  return {
    priority: ticket.priority,
    firstResponseMinutes: ticket.slaFirstResponseMinutes,
    nextResponseMinutes: ticket.slaNextResponseMinutes,
    schedule: ticket.slaSchedule,
  };
}

export function pausesOf(ticket: Ticket): SlaPause[] {
  return ticket.pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));
}

/** Where the ticket stands against its SLA at `now`. */
export function ticketSla(ticket: Ticket, now: Date): SlaState {
  return ticketSlaAt(
    {
      policy: slaPolicyOf(ticket),
      createdAt: ticket.createdAt,
      firstRespondedAt: ticket.firstRespondedAt,
      lastCustomerMessageAt: ticket.lastCustomerMessageAt,
      lastAgentResponseAt: ticket.lastAgentResponseAt,
      pauses: pausesOf(ticket),
    },
    ticket.solvedAt,
    now,
  );
}
