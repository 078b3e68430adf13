import type { EntityManager } from "typeorm";
import type { Notifier, NotificationSpec, Reader, Wording } from "../../platform/notifier.js";
import { ORGANIZATION_ID } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Notification } from "./notification.entity.js";
import { preferencesOf } from "./preferences.js";
import { queueWebhookDeliveries } from "./webhooks/webhooks.js";
import { announce } from "./subscribers/delivery.js";
import { queueStaffEmails } from "./staff-email.js";

/**
 * Notifies each person once per key, in the caller's transaction; subscribers hear of it
 * after commit. Returns the notifications created (none for keys already used).
 */
async function notify(ctx: ServiceContext, tx: EntityManager, spec: NotificationSpec): Promise<Notification[]> {
  const userIds = [...new Set(spec.userIds)];
  if (userIds.length === 0) return [];
  const words = await wordsFor(tx, userIds, spec);
  const rows: Notification[] = await tx.query(
    `INSERT INTO notification (user_id, kind, title, body, ticket_id, incident_id, escalation_id, due_at, dedup_key, created_at)
     SELECT w.u, $2, w.title, w.body, $5, $6, $7, $8, $9, $10
       FROM unnest($1::uuid[], $3::text[], $4::text[]) AS w(u, title, body)
     ON CONFLICT (user_id, dedup_key) DO NOTHING
     RETURNING id, user_id AS "userId", kind, title, body, ticket_id AS "ticketId", incident_id AS "incidentId",
       escalation_id AS "escalationId", due_at AS "dueAt", dedup_key AS "dedupKey", created_at AS "createdAt",
       acknowledged_at AS "acknowledgedAt"`,
    [
      userIds,
      spec.kind,
      words.map((w) => w.title.slice(0, 300)),
      words.map((w) => w.body.slice(0, 5000)),
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
  await queueStaffEmails(ctx, tx, rows);
  return rows;
}

/** Each person's title and body, worded in their own time zone (else the organization's) where the text asks. */
async function wordsFor(
  tx: EntityManager,
  userIds: readonly string[],
  spec: NotificationSpec,
): Promise<{ title: string; body: string }[]> {
  const { title, body } = spec;
  if (typeof title === "string" && typeof body === "string") return userIds.map(() => ({ title, body }));
  const zones: { id: string; timezone: string }[] = await tx.query(
    `SELECT u.id, coalesce(u.timezone, o.timezone) AS timezone
       FROM app_user u CROSS JOIN organization o WHERE u.id = ANY($1::uuid[]) AND o.id = $2`,
    [userIds, ORGANIZATION_ID],
  );
  const zoneOf = new Map(zones.map((z) => [z.id, z.timezone]));
  const word = (wording: Wording, reader: Reader) => (typeof wording === "string" ? wording : wording(reader));
  return userIds.map((id) => {
    const reader = { timezone: zoneOf.get(id) ?? "UTC" };
    return { title: word(title, reader), body: word(body, reader) };
  });
}

/** The notifier every feature reaches through its context. */
export const notifier: Notifier = {
  async notify(ctx, tx, spec) {
    await notify(ctx, tx, spec);
  },
  async announce(ctx, tx, event) {
    await announce(ctx, tx, event);
  },
  async leadMinutes(tx, userId) {
    return (await preferencesOf(tx, [userId])).get(userId)!.leadMinutes;
  },
};
