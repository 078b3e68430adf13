import { z } from "zod";
import {
  checkTicketTransition,
  statusAfterMessage,
  trackPauses,
  type SlaPause,
  type TicketStatus,
} from "@liaison/domain";
import type { EntityManager } from "typeorm";
import { Account } from "../accounts/index.js";
import { Incident, isVisibleTo } from "../incidents/index.js";
import { SlaPolicyRow } from "./sla/sla-policy.entity.js";
import { Ticket, TicketMessage, type StoredPause } from "./ticket.entity.js";
import { OpenTicketInput, RespondToTicketInput, UpdateTicketInput } from "./ticket.types.js";
import { User } from "../admin/index.js";
import {
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
  parseInput,
} from "../../platform/errors.js";
import { STAFF_ROLES } from "../../platform/access/roles.js";
import { Id, requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { afterTicketChange } from "./ticket-hooks.js";
import { pausesOf } from "./sla/ticket-sla.js";
import { inTransaction } from "../../platform/db/transaction.js";

const TRANSITION_MESSAGES: Record<string, string> = {
  SAME_STATUS: "The ticket already has this status",
  TICKET_CLOSED: "The ticket is closed; open a new ticket instead",
  TRANSITION_NOT_ALLOWED: "This status change is not allowed",
};

function storePauses(pauses: readonly SlaPause[]): StoredPause[] {
  return pauses.map((p) => ({ from: p.from.toISOString(), to: p.to === null ? null : p.to.toISOString() }));
}

export async function lockTicket(tx: EntityManager, id: string): Promise<Ticket> {
  const ticket = await tx.getRepository(Ticket).findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
  if (!ticket) throw new NotFoundError("Ticket", id);
  return ticket;
}

/** Customers reach only their own account's tickets; others see them as missing. */
function assertCanSee(ctx: ServiceContext, ticket: Ticket): void {
  const viewer = ctx.viewer;
  if (!viewer) throw new ForbiddenError();
  if (viewer.role === "CUSTOMER" && viewer.accountId !== ticket.accountId) throw new NotFoundError("Ticket", ticket.id);
}

async function staffUserOrFail(tx: EntityManager, id: string, field: string): Promise<User> {
  const user = await tx.getRepository(User).findOneBy({ id });
  if (!user) throw new NotFoundError("User", id);
  if (!STAFF_ROLES.includes(user.role)) throw new ValidationError({ [field]: "must be a staff member" });
  return user;
}

function setStatus(ticket: Ticket, to: TicketStatus, now: Date): void {
  ticket.pauses = storePauses(trackPauses(pausesOf(ticket), ticket.status, to, now));
  if (to === "SOLVED" || to === "CLOSED") ticket.solvedAt ??= now;
  else ticket.solvedAt = null;
  ticket.status = to;
}

export async function openTicket(ctx: ServiceContext, raw: unknown): Promise<Ticket> {
  const viewer = requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const input = parseInput(OpenTicketInput.schema, raw);
  const result = await inTransaction(ctx, async (tx) => openTicketIn(ctx, tx, input, viewer.role === "CUSTOMER"));
  ctx.invalidate();
  return result;
}

/** Opens a ticket inside the caller's transaction (the Events API opens them from alerts). */
export async function openTicketIn(
  ctx: ServiceContext,
  tx: EntityManager,
  input: z.infer<typeof OpenTicketInput.schema>,
  asCustomer: boolean,
  extras: { escalationPolicyId?: string | null } = {},
): Promise<Ticket> {
  const now = ctx.clock.now();
  let accountId = input.accountId ?? null;
  let requesterId = input.requesterId ?? null;
  if (asCustomer) {
    if (accountId && accountId !== ctx.viewer!.accountId)
      throw new ForbiddenError("Customers open tickets for their own account");
    if (input.assigneeId || input.requesterId)
      throw new ValidationError({ "input.assigneeId": "customers cannot choose the assignee or requester" });
    accountId = ctx.viewer!.accountId;
    requesterId = ctx.viewer!.userId;
  }
  if (!accountId) throw new ValidationError({ "input.accountId": "is required" });
  if (!(await tx.getRepository(Account).existsBy({ id: accountId }))) throw new NotFoundError("Account", accountId);
  if (requesterId && !asCustomer) {
    const requester = await tx.getRepository(User).findOneBy({ id: requesterId });
    if (!requester) throw new NotFoundError("User", requesterId);
    if (requester.role === "CUSTOMER" && requester.accountId !== accountId)
      throw new ValidationError({ "input.requesterId": "belongs to another account" });
  }
  if (input.assigneeId) await staffUserOrFail(tx, input.assigneeId, "input.assigneeId");
  const policy = await tx.getRepository(SlaPolicyRow).findOneByOrFail({ priority: input.priority });
  const repo = tx.getRepository(Ticket);
  const saved = await repo.save(
    repo.create({
      accountId,
      requesterId,
      assigneeId: input.assigneeId ?? null,
      subject: input.subject,
      description: input.description,
      priority: input.priority,
      status: "NEW",
      source: input.source,
      slaFirstResponseMinutes: policy.firstResponseMinutes,
      slaNextResponseMinutes: policy.nextResponseMinutes,
      slaSchedule: policy.schedule,
      pauses: [],
      createdAt: now,
      firstRespondedAt: null,
      lastAgentResponseAt: null,
      lastCustomerMessageAt: null,
      solvedAt: null,
      incidentId: null,
      escalationPolicyId: extras.escalationPolicyId ?? null,
    }),
  );
  const ticket = await repo.findOneByOrFail({ id: saved.id });
  await afterTicketChange(ctx, tx, ticket);
  return ticket;
}

export async function respondToTicket(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<Ticket> {
  const viewer = requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const id = parseInput(Id, rawId, "ticketId");
  const input = parseInput(RespondToTicketInput.schema, raw);
  const asCustomer = viewer.role === "CUSTOMER";
  if (asCustomer && (input.internal || input.status))
    throw new ValidationError({ [input.internal ? "input.internal" : "input.status"]: "customers cannot set this" });
  const result = await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const ticket = await lockTicket(tx, id);
    assertCanSee(ctx, ticket);
    const author = asCustomer ? "CUSTOMER" : "AGENT";
    const next = statusAfterMessage(ticket.status, author, input.status ?? null);
    if (!next.allowed) throw new InvalidTransitionError(TRANSITION_MESSAGES[next.reason] ?? next.reason);
    await tx.getRepository(TicketMessage).insert({
      ticketId: id,
      authorId: viewer.userId,
      authorKind: author,
      body: input.message,
      internal: input.internal,
      createdAt: now,
    });
    if (author === "AGENT" && !input.internal) {
      ticket.firstRespondedAt ??= now;
      ticket.lastAgentResponseAt = now;
    }
    if (author === "CUSTOMER") ticket.lastCustomerMessageAt = now;
    if (next.status !== ticket.status) setStatus(ticket, next.status, now);
    const saved = await tx.getRepository(Ticket).save(ticket);
    await afterTicketChange(ctx, tx, saved);
    return saved;
  });
  ctx.invalidate();
  return result;
}

export async function updateTicket(ctx: ServiceContext, rawId: unknown, raw: unknown): Promise<Ticket> {
  requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT");
  const id = parseInput(Id, rawId, "ticketId");
  const input = parseInput(UpdateTicketInput.schema, raw);
  const result = await inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const ticket = await lockTicket(tx, id);
    if (ticket.status === "CLOSED") throw new InvalidTransitionError(TRANSITION_MESSAGES["TICKET_CLOSED"]!);
    if (input.status !== undefined && input.status !== ticket.status) {
      const move = checkTicketTransition(ticket.status, input.status);
      if (!move.allowed) throw new InvalidTransitionError(TRANSITION_MESSAGES[move.reason] ?? move.reason);
      setStatus(ticket, input.status, now);
    }
    if (input.assigneeId !== undefined) {
      if (input.assigneeId) await staffUserOrFail(tx, input.assigneeId, "input.assigneeId");
      ticket.assigneeId = input.assigneeId ?? null;
    }
    if (input.subject !== undefined) ticket.subject = input.subject;
    if (input.priority !== undefined && input.priority !== ticket.priority) {
      // A new priority brings its own targets, measured from the ticket's creation as before.
      const policy = await tx.getRepository(SlaPolicyRow).findOneByOrFail({ priority: input.priority });
      ticket.priority = input.priority;
      ticket.slaFirstResponseMinutes = policy.firstResponseMinutes;
      ticket.slaNextResponseMinutes = policy.nextResponseMinutes;
      ticket.slaSchedule = policy.schedule;
    }
    const saved = await tx.getRepository(Ticket).save(ticket);
    await afterTicketChange(ctx, tx, saved);
    return saved;
  });
  ctx.invalidate();
  return result;
}

export async function linkTicketToIncident(
  ctx: ServiceContext,
  rawTicketId: unknown,
  rawIncidentId: unknown,
): Promise<Ticket> {
  requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT");
  const { ticketId, incidentId } = parseInput(
    z.object({ ticketId: Id, incidentId: Id.nullable() }),
    { ticketId: rawTicketId, incidentId: rawIncidentId ?? null },
    "",
  );
  const result = await inTransaction(ctx, async (tx) => {
    const ticket = await lockTicket(tx, ticketId);
    const previous = ticket.incidentId;
    if (incidentId) {
      // Locks the incident too, so concurrent links count the accounts one after the other.
      const incident = await tx
        .getRepository(Incident)
        .findOne({ where: { id: incidentId }, lock: { mode: "pessimistic_write" } });
      if (!incident) throw new NotFoundError("Incident", incidentId);
    }
    if (previous === incidentId) return ticket;
    ticket.incidentId = incidentId;
    const saved = await tx.getRepository(Ticket).save(ticket);
    // The incident's customersAffected is a figure someone gave: linking never writes it (linkedAccountCount counts).
    for (const id of [previous, incidentId])
      if (id) await ctx.bus.publish(tx, { kind: "incident", incidentId: id, visibility: "INTERNAL" });
    return saved;
  });
  ctx.invalidate();
  return result;
}

export async function getTicket(ctx: ServiceContext, rawId: unknown): Promise<Ticket | null> {
  requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const parsed = Id.safeParse(rawId);
  if (!parsed.success) return null;
  const ticket = await ctx.db.getRepository(Ticket).findOneBy({ id: parsed.data });
  if (!ticket) return null;
  if (ctx.viewer?.role === "CUSTOMER" && ctx.viewer.accountId !== ticket.accountId) return null;
  return ticket;
}

export async function ticketMessages(ctx: ServiceContext, ticket: Ticket): Promise<TicketMessage[]> {
  const rows = await ctx.db
    .getRepository(TicketMessage)
    .find({ where: { ticketId: ticket.id }, order: { createdAt: "ASC", id: "ASC" } });
  return ctx.viewer?.role === "CUSTOMER" ? rows.filter((m) => !m.internal) : rows;
}

export async function ticketAccount(ctx: ServiceContext, ticket: Ticket): Promise<Account> {
  return ctx.db.getRepository(Account).findOneByOrFail({ id: ticket.accountId });
}

/** The linked incident; a customer sees it only once it is public. */
export async function ticketIncident(ctx: ServiceContext, ticket: Ticket): Promise<Incident | null> {
  const incident = ticket.incidentId ? await ctx.db.getRepository(Incident).findOneBy({ id: ticket.incidentId }) : null;
  return incident && isVisibleTo(ctx, incident) ? incident : null;
}
