import { describeDue, escalationPlan, nextEscalationStep } from "@liaison/domain";
import type { EntityManager } from "typeorm";
import type { Notification } from "../../notifications/index.js";
import { EscalationPolicy } from "../../on-call/index.js";
import { Escalation, EscalationPage } from "./escalation.entity.js";
import { EscalateTicketInput } from "./escalation.types.js";
import { Ticket } from "../ticket.entity.js";
import {
  ConflictError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  parseInput,
} from "../../../platform/errors.js";
import { QUEUES } from "../../../platform/timers/queues.js";
import { Id, requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { loadSchedules, policyForTicket, resolverOf, scheduleIdsOf } from "../../on-call/index.js";
import { getOrganization } from "../../admin/index.js";
import { lockTicket } from "../tickets.js";
import { ticketSla } from "../sla/ticket-sla.js";
import { inTransaction } from "../../../platform/db/transaction.js";

/** The page's last line: the ticket's running SLA deadline, in the reader's time zone. */
function deadlineOf(ticket: Ticket, now: Date): ((timezone: string) => string) | null {
  const sla = ticketSla(ticket, now);
  if (sla.paused) return null;
  const [what, due] = sla.firstResponseDueAt
    ? ["first response", sla.firstResponseDueAt]
    : sla.nextResponseDueAt
      ? ["next response", sla.nextResponseDueAt]
      : [null, null];
  return what && due ? (timezone) => ` Its ${what} ${describeDue(due, now, timezone)}.` : null;
}

export type EscalationTimerData = { escalationId: string };

/**
 * Pages every step of the plan that is due and not yet paged, then queues a timer for the next
 * step; an acknowledged or exhausted escalation stops. Runs in the caller's transaction.
 */
async function advance(ctx: ServiceContext, tx: EntityManager, escalation: Escalation): Promise<void> {
  if (escalation.status !== "ACTIVE") return;
  const now = ctx.clock.now();
  const schedules = await loadSchedules(tx, scheduleIdsOf(escalation.policy));
  const plan = escalationPlan(escalation.policy, escalation.startedAt, resolverOf(schedules));
  const progress = nextEscalationStep(plan, escalation.acknowledgedAt, now);
  const ticket = await tx.getRepository(Ticket).findOneByOrFail({ id: escalation.ticketId });
  const deadline = deadlineOf(ticket, now);
  for (const step of progress.due) {
    const fresh: { user_id: string }[] = await tx.query(
      `INSERT INTO escalation_page (escalation_id, round, level, user_id, paged_at)
       SELECT $1, $2, $3, u, $5 FROM unnest($4::uuid[]) AS u
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [escalation.id, step.round, step.level, step.userIds, now],
    );
    if (fresh.length === 0) continue;
    await ctx.notifier.notify(ctx, tx, {
      userIds: fresh.map((r) => r.user_id),
      kind: "PAGE",
      title: `Ticket #${ticket.number} (${ticket.priority}) escalated to you (level ${step.level})`,
      body: (reader) =>
        `${escalation.reason} — "${ticket.subject}".${deadline?.(reader.timezone) ?? ""} Acknowledge to take it.`,
      dedupKey: `escalation:${escalation.id}:${step.round}:${step.level}`,
      ticketId: ticket.id,
      escalationId: escalation.id,
    });
  }
  if (progress.done) {
    if (progress.reason !== "EXHAUSTED") return;
    // The last level gets its timeout to answer too before the escalation counts as exhausted.
    const last = plan.at(-1);
    const endsAt = last
      ? last.notifyAt.getTime() + (escalation.policy.levels[last.level - 1]?.timeoutMinutes ?? 0) * 60_000
      : 0;
    if (now.getTime() < endsAt) {
      await ctx.timers.schedule(tx, QUEUES.escalation, [
        {
          data: { escalationId: escalation.id } satisfies EscalationTimerData,
          runAt: new Date(endsAt),
          key: `escalation:${escalation.id}:end`,
        },
      ]);
      return;
    }
    escalation.status = "EXHAUSTED";
    await tx.getRepository(Escalation).update(escalation.id, { status: "EXHAUSTED" });
    return;
  }
  await ctx.timers.schedule(tx, QUEUES.escalation, [
    {
      data: { escalationId: escalation.id } satisfies EscalationTimerData,
      runAt: progress.next.notifyAt,
      key: `escalation:${escalation.id}:${progress.next.round}:${progress.next.level}`,
    },
  ]);
}

/** Starts climbing the policy's levels for a ticket, in the caller's transaction. */
async function startEscalation(
  ctx: ServiceContext,
  tx: EntityManager,
  ticket: Ticket,
  policy: EscalationPolicy,
  reason: string,
): Promise<Escalation> {
  const active = await tx.getRepository(Escalation).findOneBy({ ticketId: ticket.id, status: "ACTIVE" });
  if (active) throw new ConflictError("The ticket is already being escalated; acknowledge the page first");
  const repo = tx.getRepository(Escalation);
  const escalation = await repo.save(
    repo.create({
      ticketId: ticket.id,
      policyId: policy.id,
      policy: await policyForTicket(tx, policy, ticket.assigneeId, ctx.clock.now()),
      reason,
      startedAt: ctx.clock.now(),
      startedById: ctx.viewer?.userId ?? null,
      status: "ACTIVE",
      acknowledgedAt: null,
      acknowledgedById: null,
    }),
  );
  await advance(ctx, tx, escalation);
  await ctx.bus.publish(tx, { kind: "ticket", ticketId: ticket.id });
  return escalation;
}

/** The one-click escalation: pages whoever is on call at the policy's first level, then climbs. */
export async function escalateTicket(ctx: ServiceContext, rawTicketId: unknown, raw: unknown): Promise<Escalation> {
  requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT");
  const ticketId = parseInput(Id, rawTicketId, "ticketId");
  const input = parseInput(EscalateTicketInput.schema, raw);
  return inTransaction(ctx, async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    if (ticket.status === "SOLVED" || ticket.status === "CLOSED")
      throw new InvalidTransitionError("A solved or closed ticket is not escalated");
    const policyId =
      input.escalationPolicyId ?? ticket.escalationPolicyId ?? (await getOrganization(tx)).defaultEscalationPolicyId;
    if (!policyId)
      throw new ValidationError({
        "input.escalationPolicyId": "is required: the organization has no default escalation policy",
      });
    const policy = await tx.getRepository(EscalationPolicy).findOneBy({ id: policyId });
    if (!policy) throw new NotFoundError("Escalation policy", policyId);
    return startEscalation(ctx, tx, ticket, policy, input.reason);
  });
}

/** A breached ticket from an integration escalates by itself, unless someone is already on it. */
export async function escalateOnBreach(ctx: ServiceContext, tx: EntityManager, ticket: Ticket): Promise<void> {
  const policyId = ticket.escalationPolicyId;
  if (!policyId) return;
  if (await tx.getRepository(Escalation).existsBy({ ticketId: ticket.id, status: "ACTIVE" })) return;
  const policy = await tx.getRepository(EscalationPolicy).findOneBy({ id: policyId });
  if (policy) await startEscalation(ctx, tx, ticket, policy, "SLA breached with nobody answering");
}

/** The timer of the next level: pages it unless someone acknowledged meanwhile. */
export async function runEscalationStep(ctx: ServiceContext, data: EscalationTimerData): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const escalation = await tx
      .getRepository(Escalation)
      .findOne({ where: { id: data.escalationId }, lock: { mode: "pessimistic_write" } });
    if (escalation) await advance(ctx, tx, escalation);
  });
}

/** Acknowledging a page stops its escalation from climbing further. */
export async function acknowledgeEscalationOf(
  ctx: ServiceContext,
  tx: EntityManager,
  notification: Notification,
): Promise<void> {
  if (!notification.escalationId) return;
  const escalation = await tx
    .getRepository(Escalation)
    .findOne({ where: { id: notification.escalationId }, lock: { mode: "pessimistic_write" } });
  // A late answer to an exhausted escalation still tells everyone who took it.
  if (!escalation || escalation.status === "ACKNOWLEDGED") return;
  await tx.getRepository(Escalation).update(escalation.id, {
    status: "ACKNOWLEDGED",
    acknowledgedAt: notification.acknowledgedAt,
    acknowledgedById: notification.userId,
  });
  await ctx.bus.publish(tx, { kind: "ticket", ticketId: escalation.ticketId });
}

export async function escalationsOf(ctx: ServiceContext, ticketId: string): Promise<Escalation[]> {
  return ctx.db.getRepository(Escalation).find({ where: { ticketId }, order: { startedAt: "DESC" } });
}

export async function pagesOf(ctx: ServiceContext, escalationId: string): Promise<EscalationPage[]> {
  return ctx.db
    .getRepository(EscalationPage)
    .find({ where: { escalationId }, order: { round: "ASC", level: "ASC", pagedAt: "ASC" } });
}
