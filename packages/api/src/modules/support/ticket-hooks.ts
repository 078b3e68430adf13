import type { EntityManager } from "typeorm";
import type { Ticket } from "./ticket.entity.js";
import type { ServiceContext } from "../../platform/context.js";
import { scheduleSlaTimers } from "./sla/sla-timers.js";

/** Everything that follows a ticket change, in the same transaction. */
export async function afterTicketChange(ctx: ServiceContext, tx: EntityManager, ticket: Ticket): Promise<void> {
  await scheduleSlaTimers(ctx, tx, ticket);
  await ctx.bus.publish(tx, { kind: "ticket", ticketId: ticket.id });
}
