import { In, type EntityManager } from "typeorm";
import { NotificationPreference } from "./notification.entity.js";
import { UpdateNotificationPreferencesInput } from "./notification.types.js";
import { parseInput } from "../../platform/errors.js";
import type { NotificationChannel } from "./notification.enums.js";
import { requireRole } from "../../platform/validation.js";
import type { ServiceContext } from "../../platform/context.js";
import { inTransaction } from "../../platform/db/transaction.js";

const DEFAULT_PREFERENCES = { channels: ["IN_APP"] as NotificationChannel[], leadMinutes: [30, 10] };

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
  const input = parseInput(UpdateNotificationPreferencesInput.schema, raw);
  return inTransaction(ctx, async (tx) => {
    const current = (await preferencesOf(tx, [viewer.userId])).get(viewer.userId)!;
    await tx.query(
      `INSERT INTO notification_preference (user_id, channels, lead_minutes, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET channels = EXCLUDED.channels, lead_minutes = EXCLUDED.lead_minutes, updated_at = now()`,
      [viewer.userId, input.channels ?? current.channels, input.leadMinutes ?? current.leadMinutes],
    );
    return tx.getRepository(NotificationPreference).findOneByOrFail({ userId: viewer.userId });
  });
}
