import type { EntityManager } from "typeorm";
import type { Notifier, NotificationSpec } from "../../platform/notifier.js";
import type { ServiceContext } from "../../platform/context.js";
import type { Notification } from "./notification.entity.js";
import { preferencesOf } from "./preferences.js";
import { queueWebhookDeliveries } from "./webhooks/webhooks.js";

/**
 * Notifies each person once per key, in the caller's transaction; subscribers hear of it
 * after commit. Returns the notifications created (none for keys already used).
 */
async function notify(ctx: ServiceContext, tx: EntityManager, spec: NotificationSpec): Promise<Notification[]> {
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

/** The notifier every feature reaches through its context. */
export const notifier: Notifier = {
  async notify(ctx, tx, spec) {
    await notify(ctx, tx, spec);
  },
  async leadMinutes(tx, userId) {
    return (await preferencesOf(tx, [userId])).get(userId)!.leadMinutes;
  },
};
