import { describeDue, formatDuration, warningTimes } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { Ticket } from "../ticket.entity.js";
import { QUEUES } from "../../../platform/timers/queues.js";
import type { Timer } from "../../../platform/timers/timers.js";
import type { ServiceContext } from "../../../platform/context.js";
import { claimTimer } from "../../../platform/timers/timer-claims.js";
import { ticketSla } from "./ticket-sla.js";
import { inTransaction } from "../../../platform/db/transaction.js";

type SlaClock = "FIRST_RESPONSE" | "NEXT_RESPONSE";
export type SlaTimerData =
  | { kind: "WARNING"; ticketId: string; clock: SlaClock; dueAt: string; leadMinutes: number; userId: string }
  | { kind: "BREACH"; ticketId: string; clock: SlaClock; dueAt: string };

const CLOCK_NAMES: Record<SlaClock, string> = { FIRST_RESPONSE: "first response", NEXT_RESPONSE: "next response" };

function keyOf(data: SlaTimerData): string {
  const base = `sla:${data.kind}:${data.ticketId}:${data.clock}:${data.dueAt}`;
  return data.kind === "WARNING" ? `${base}:${data.leadMinutes}:${data.userId}` : base;
}

function runningClocks(ticket: Ticket, now: Date): { clock: SlaClock; dueAt: Date }[] {
  const sla = ticketSla(ticket, now);
  if (sla.paused) return [];
  const clocks: { clock: SlaClock; dueAt: Date }[] = [];
  if (sla.firstResponseDueAt) clocks.push({ clock: "FIRST_RESPONSE", dueAt: sla.firstResponseDueAt });
  if (sla.nextResponseDueAt) clocks.push({ clock: "NEXT_RESPONSE", dueAt: sla.nextResponseDueAt });
  return clocks;
}

/**
 * Queues the ticket's deadlines as durable timers in the caller's transaction: a warning to the
 * owner at each of their lead times, and the breach. Deadlines that moved leave stale timers
 * behind, which find nothing to do when they run.
 */
export async function scheduleSlaTimers(ctx: ServiceContext, tx: EntityManager, ticket: Ticket): Promise<void> {
  const now = ctx.clock.now();
  const clocks = runningClocks(ticket, now);
  if (clocks.length === 0) return;
  const owner = ticket.assigneeId;
  const leads = owner ? await ctx.notifier.leadMinutes(tx, owner) : [];
  const timers: Timer<SlaTimerData>[] = [];
  for (const { clock, dueAt } of clocks) {
    const due = dueAt.toISOString();
    if (owner) {
      for (const at of warningTimes(dueAt, leads, now)) {
        const leadMinutes = Math.round((dueAt.getTime() - at.getTime()) / 60_000);
        const data: SlaTimerData = {
          kind: "WARNING",
          ticketId: ticket.id,
          clock,
          dueAt: due,
          leadMinutes,
          userId: owner,
        };
        timers.push({ data, runAt: at, key: keyOf(data) });
      }
    }
    const breach: SlaTimerData = { kind: "BREACH", ticketId: ticket.id, clock, dueAt: due };
    // Breached means "past" the due time, so the check runs just after it.
    timers.push({ data: breach, runAt: new Date(Math.max(dueAt.getTime() + 1, now.getTime())), key: keyOf(breach) });
  }
  await ctx.timers.schedule(tx, QUEUES.sla, timers);
}

/** Breach hooks (automatic escalation) run in the handler's transaction. */
export type BreachHook = (ctx: ServiceContext, tx: EntityManager, ticket: Ticket) => Promise<void>;

/** Warns or reports a breach if the deadline it was queued for still stands; otherwise does nothing. */
export async function runSlaTimer(ctx: ServiceContext, data: SlaTimerData, onBreach?: BreachHook): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const ticket = await tx
      .getRepository(Ticket)
      .findOne({ where: { id: data.ticketId }, lock: { mode: "pessimistic_write" } });
    if (!ticket) return;
    const now = ctx.clock.now();
    const running = runningClocks(ticket, now).find((c) => c.clock === data.clock);
    if (!running || running.dueAt.toISOString() !== data.dueAt) return;
    const due = running.dueAt;
    const label = `Ticket #${ticket.number} (${ticket.priority})`;
    if (data.kind === "WARNING") {
      if (now.getTime() >= due.getTime() || ticket.assigneeId !== data.userId) return;
      if (!(await claimTimer(tx, keyOf(data), now, "warned"))) return;
      await ctx.notifier.notify(ctx, tx, {
        userIds: [data.userId],
        kind: "SLA_WARNING",
        title: `${label}: ${CLOCK_NAMES[data.clock]} due in ${formatDuration(due.getTime() - now.getTime())}`,
        body: (reader) =>
          `The ${CLOCK_NAMES[data.clock]} to "${ticket.subject}" ${describeDue(due, now, reader.timezone)}.`,
        dedupKey: keyOf(data),
        ticketId: ticket.id,
        dueAt: due,
      });
      return;
    }
    if (now.getTime() <= due.getTime()) return;
    if (!(await claimTimer(tx, keyOf(data), now, "breached"))) return;
    if (ticket.assigneeId)
      await ctx.notifier.notify(ctx, tx, {
        userIds: [ticket.assigneeId],
        kind: "SLA_BREACHED",
        title: `${label}: ${CLOCK_NAMES[data.clock]} SLA breached`,
        body: (reader) =>
          `The ${CLOCK_NAMES[data.clock]} to "${ticket.subject}" ${describeDue(due, now, reader.timezone)}.`,
        dedupKey: keyOf(data),
        ticketId: ticket.id,
        dueAt: due,
      });
    await ctx.bus.publish(tx, { kind: "ticket", ticketId: ticket.id });
    await onBreach?.(ctx, tx, ticket);
  });
}
