import { z } from "zod";
import { In, type EntityManager } from "typeorm";
import { Incident } from "../incidents/incident.entity.js";
import { Notification, NotificationPreference } from "./notification.entity.js";
import { Ticket } from "../support/ticket.entity.js";
import { NotFoundError, parseInput } from "../../platform/errors.js";
import {
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
  type NotificationKind,
} from "../../platform/graphql/enums.js";
import { Id, requireRole } from "../../platform/validation.js";
import { acknowledgeEscalationOf } from "../support/escalations.js";
import { queueWebhookDeliveries } from "./webhooks.js";
import type { ServiceContext } from "../../platform/context.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../platform/pagination.js";

export const DEFAULT_PREFERENCES = { channels: ["IN_APP"] as NotificationChannel[], leadMinutes: [30, 10] };

export interface NotificationSpec {
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body: string;
  /** Per person: the same key never notifies the same person twice. */
  dedupKey: string;
  ticketId?: string | null;
  incidentId?: string | null;
  escalationId?: string | null;
  dueAt?: Date | null;
}

/**
 * Notifies each person once per key, in the caller's transaction; subscribers hear of it
 * after commit. Returns the notifications created (none for keys already used).
 */
export async function notify(ctx: ServiceContext, tx: EntityManager, spec: NotificationSpec): Promise<Notification[]> {
  const userIds = [...new Set(spec.userIds)];
  if (userIds.length === 0) return [];
  const rows: Notification[] = await tx.query(
    `INSERT INTO notification (user_id, kind, title, body, ticket_id, incident_id, escalation_id, due_at, dedup_key, created_at)
     SELECT u, $2, $3, $4, $5, $6, $7, $8, $9, $10 FROM unnest($1::uuid[]) AS u
     ON CONFLICT (user_id, dedup_key) DO NOTHING
     RETURNING id, user_id AS "userId", kind, title, body, ticket_id AS "ticketId", incident_id AS "incidentId",
       escalation_id AS "escalationId", due_at AS "dueAt", dedup_key AS "dedupKey", created_at AS "createdAt",
       acknowledged_at AS "acknowledgedAt"`,
    [
      userIds,
      spec.kind,
      spec.title.slice(0, 300),
      spec.body.slice(0, 5000),
      spec.ticketId ?? null,
      spec.incidentId ?? null,
      spec.escalationId ?? null,
      spec.dueAt ?? null,
      spec.dedupKey,
      ctx.clock.now(),
    ],
  );
  for (const row of rows)
    await ctx.bus.publish(tx, { kind: "notification", userId: row.userId, notificationId: row.id });
  await queueWebhookDeliveries(ctx, tx, rows);
  return rows;
}

export async function preferencesOf(
  db: EntityManager,
  userIds: readonly string[],
): Promise<Map<string, { channels: NotificationChannel[]; leadMinutes: number[] }>> {
  const rows = userIds.length
    ? await db.getRepository(NotificationPreference).findBy({ userId: In([...userIds]) })
    : [];
  const found = new Map(rows.map((r) => [r.userId, { channels: r.channels, leadMinutes: r.leadMinutes }]));
  return new Map(userIds.map((id) => [id, found.get(id) ?? DEFAULT_PREFERENCES]));
}

export const UpdateNotificationPreferencesInput = z.object({
  channels: z
    .array(z.enum(NOTIFICATION_CHANNELS))
    .max(NOTIFICATION_CHANNELS.length)
    .transform((l) => [...new Set(l)])
    .optional(),
  leadMinutes: z
    .array(z.number().int().min(1, "must be at least 1 minute").max(1440, "must be at most a day"))
    .max(10, "at most 10 lead times")
    .transform((l) => [...new Set(l)].sort((a, b) => b - a))
    .optional(),
});

export async function myNotificationPreferences(ctx: ServiceContext): Promise<NotificationPreference> {
  const viewer = requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const row = await ctx.db.getRepository(NotificationPreference).findOneBy({ userId: viewer.userId });
  return row ?? Object.assign(new NotificationPreference(), { userId: viewer.userId, ...DEFAULT_PREFERENCES });
}

/** The signed-in user's channels and lead times; SLA warnings already queued keep their times. */
export async function updateNotificationPreferences(
  ctx: ServiceContext,
  raw: unknown,
): Promise<NotificationPreference> {
  const viewer = requireRole(ctx, "ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER");
  const input = parseInput(UpdateNotificationPreferencesInput, raw);
  return ctx.db.transaction(async (tx) => {
    const current = (await preferencesOf(tx, [viewer.userId])).get(viewer.userId)!;
    await tx.query(
      `INSERT INTO notification_preference (user_id, channels, lead_minutes, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, lead_minutes = EXCLUDED.lead_minutes, updated_at = now()`,
      [viewer.userId, input.channels ?? current.channels, input.leadMinutes ?? current.leadMinutes],
    );
    return tx.getRepository(NotificationPreference).findOneByOrFail({ userId: viewer.userId });
  });
}

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
  return ctx.db.transaction(async (tx) => {
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
  return n.incidentId ? ctx.db.getRepository(Incident).findOneBy({ id: n.incidentId }) : null;
}
