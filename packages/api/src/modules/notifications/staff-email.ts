import type { EntityManager } from "typeorm";
import type { Notification } from "./notification.entity.js";
import { preferencesOf } from "./preferences.js";
import { escapeHtml } from "./subscribers/mail-templates.js";
import type { ServiceContext } from "../../platform/context.js";
import { QUEUES } from "../../platform/timers/queues.js";

type StaffEmailData = { notificationId: string };

/** Seconds before each retry; then FAILED. */
const RETRY_DELAYS_SECONDS = [30, 120, 600, 1800, 3600, 7200, 14_400, 28_800];
const STALE_CLAIM_MS = 10 * 60_000;

/** For people who chose the EMAIL channel: one mail per notification, queued in the caller's transaction. */
export async function queueStaffEmails(
  ctx: ServiceContext,
  tx: EntityManager,
  notifications: readonly Notification[],
): Promise<void> {
  if (notifications.length === 0) return;
  const prefs = await preferencesOf(tx, [...new Set(notifications.map((n) => n.userId))]);
  const wanting = notifications.filter((n) => prefs.get(n.userId)?.channels.includes("EMAIL"));
  if (wanting.length === 0) return;
  const ids = wanting.map((n) => n.id);
  await tx.query("INSERT INTO notification_email (notification_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING", [
    ids,
  ]);
  const now = ctx.clock.now();
  await ctx.timers.schedule(
    tx,
    QUEUES.staffEmail,
    ids.map((id) => ({
      data: { notificationId: id } satisfies StaffEmailData,
      runAt: now,
      key: `staff-email:${id}:0`,
    })),
  );
}

/** Mails one notification to its person; claimed first, SENT once the SMTP server accepted it, else retried. */
export async function runStaffEmail(ctx: ServiceContext, data: StaffEmailData): Promise<void> {
  const now = ctx.clock.now();
  const [claimed]: { attempts: number }[] = await ctx.db.query(
    `WITH claimed AS (
       UPDATE notification_email SET status = 'SENDING', claimed_at = $2, attempts = attempts + 1
        WHERE notification_id = $1 AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < $3))
        RETURNING attempts)
     SELECT * FROM claimed`,
    [data.notificationId, now, new Date(now.getTime() - STALE_CLAIM_MS)],
  );
  if (!claimed) return;
  const [n]: { title: string; body: string; email: string; name: string; incident_id: string | null }[] =
    await ctx.db.query(
      `SELECT n.title, n.body, u.email, u.name, n.incident_id
         FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.id = $1`,
      [data.notificationId],
    );
  let error: string | null = null;
  if (n) {
    try {
      const domain = /@([^>\s]+)>?\s*$/.exec(ctx.mailer.from)?.[1] ?? "liaison.local";
      await ctx.mailer.send({
        to: n.email,
        subject: n.title,
        text: `${n.title}\n\n${n.body}\n\n--\nLiaison notification. Change your channels with updateNotificationPreferences.\n`,
        html: `<!doctype html><html><body style="font-family:sans-serif;color:#172b4d"><h1 style="font-size:18px">${escapeHtml(
          n.title,
        )}</h1><p style="white-space:pre-line">${escapeHtml(n.body)}</p><p style="font-size:12px;color:#6b778c">Liaison notification. Change your channels with updateNotificationPreferences.</p></body></html>`,
        messageId: `<notification-${data.notificationId}@${domain}>`,
        headers: { "Auto-Submitted": "auto-generated" },
      });
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 500) : String(e);
    }
  }
  if (!n || error === null) {
    await ctx.db.query(
      "UPDATE notification_email SET status = $2, sent_at = $3, last_error = NULL WHERE notification_id = $1",
      [data.notificationId, n ? "SENT" : "FAILED", n ? now : null],
    );
    return;
  }
  const delay = RETRY_DELAYS_SECONDS[claimed.attempts - 1];
  await ctx.db.transaction(async (tx) => {
    await tx.query("UPDATE notification_email SET status = $2, last_error = $3 WHERE notification_id = $1", [
      data.notificationId,
      delay === undefined ? "FAILED" : "PENDING",
      error,
    ]);
    if (delay !== undefined)
      await ctx.timers.schedule(tx, QUEUES.staffEmail, [
        {
          data,
          runAt: new Date(now.getTime() + delay * 1000),
          key: `staff-email:${data.notificationId}:${claimed.attempts}`,
        },
      ]);
  });
  ctx.log.warn({ notificationId: data.notificationId, attempts: claimed.attempts }, "staff email failed");
}
