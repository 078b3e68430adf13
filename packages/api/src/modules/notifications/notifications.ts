import { Incident, isVisibleTo } from "../incidents/index.js";
import { Notification } from "./notification.entity.js";
import { Ticket } from "../support/index.js";
import { NotFoundError, parseInput } from "../../platform/errors.js";
import { Id, requireRole } from "../../platform/validation.js";
import { acknowledgeEscalationOf } from "../support/index.js";
import type { ServiceContext } from "../../platform/context.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";
import { inTransaction } from "../../platform/db/transaction.js";

/** Newest first, the signed-in user's own. */
export async function listNotifications(
  ctx: ServiceContext,
  unacknowledgedOnly: unknown,
  first: unknown,
  after: unknown,
): Promise<Page<Notification>> {
  const viewer = requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const page = parsePage(first, after);
  const q = ctx.db
    .getRepository(Notification)
    .createQueryBuilder("n")
    .where("n.user_id = :uid", { uid: viewer.userId });
  if (unacknowledgedOnly === true) q.andWhere("n.acknowledged_at IS NULL");
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    q.andWhere("(n.created_at, n.id) < (:at, :id)", { at: new Date(String(at)), id: String(id) });
  }
  const rows = await q
    .orderBy("n.created_at", "DESC")
    .addOrderBy("n.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (n) => encodeCursor([n.createdAt.toISOString(), n.id]));
}

/** Only the recipient acknowledges; acknowledging twice keeps the first time. */
export async function acknowledgeNotification(ctx: ServiceContext, rawId: unknown): Promise<Notification> {
  const viewer = requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const id = parseInput(Id, rawId, "id");
  return inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(Notification);
    const notification = await repo.findOne({ where: { id }, lock: { mode: "pessimistic_write" } });
    if (!notification || notification.userId !== viewer.userId) throw new NotFoundError("Notification", id);
    if (notification.acknowledgedAt) return notification;
    notification.acknowledgedAt = ctx.clock.now();
    const saved = await repo.save(notification);
    await acknowledgeEscalationOf(ctx, tx, saved);
    return saved;
  });
}

export async function getNotification(ctx: ServiceContext, id: string): Promise<Notification | null> {
  return ctx.db.getRepository(Notification).findOneBy({ id });
}

export async function notificationTicket(ctx: ServiceContext, n: Notification): Promise<Ticket | null> {
  return n.ticketId ? ctx.db.getRepository(Ticket).findOneBy({ id: n.ticketId }) : null;
}

export async function notificationIncident(ctx: ServiceContext, n: Notification): Promise<Incident | null> {
  const incident = n.incidentId ? await ctx.db.getRepository(Incident).findOneBy({ id: n.incidentId }) : null;
  return incident && isVisibleTo(ctx, incident) ? incident : null;
}
