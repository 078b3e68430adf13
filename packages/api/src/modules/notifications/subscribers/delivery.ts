import type { EntityManager } from "typeorm";
import {
  CONFIRM_TOKEN_PURPOSE,
  SUBSCRIBER_SECRET_PURPOSE,
  Subscriber,
  UNSUBSCRIBE_TOKEN_PURPOSE,
} from "./subscriber.entity.js";
import { loadEventContent, type EventContent } from "./event-content.js";
import { renderConfirmationMail, renderEventMail, type RenderedMail } from "./mail-templates.js";
import { statuspagePayload } from "./statuspage-payload.js";
import { checkWebhookTarget } from "../webhooks/target-policy.js";
import { webhookHeaders } from "../webhooks/standard-webhooks.js";
import type { PublicEvent } from "../../../platform/notifier.js";
import type { ServiceContext } from "../../../platform/context.js";
import { QUEUES } from "../../../platform/timers/queues.js";
import { inTransaction } from "../../../platform/db/transaction.js";

/** Subscribers per fan-out job; each queues send jobs of SEND_BATCH deliveries. */
export const FANOUT_BATCH = 500;
const SEND_BATCH = 100;
/** Messages in flight at once within one send job (the mail pool bounds SMTP connections further). */
const CONCURRENCY = 16;
const WEBHOOK_TIMEOUT_MS = 10_000;
/** A delivery claimed this long ago by a worker that never reported is tried again. */
const STALE_CLAIM_MS = 10 * 60_000;
/** Seconds before each retry: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 12 h, 24 h; then FAILED. */
const RETRY_DELAYS_SECONDS = [30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 43_200, 86_400];

type FanoutData = { eventId: string; after: string | null };
type SendData = { deliveryIds: string[] };

/** Confirmation mails ride the same deliveries under this event id prefix. */
const CONFIRM_PREFIX = "confirm:";

/**
 * Records the event and queues ONE job for it, in the caller's transaction; announcing the same
 * event id again does nothing. The job fans out to subscribers after commit.
 */
export async function announce(ctx: ServiceContext, tx: EntityManager, event: PublicEvent): Promise<void> {
  const now = ctx.clock.now();
  const rows: unknown[] = await tx.query(
    `INSERT INTO subscriber_event (id, kind, event, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [event.eventId, event.kind, JSON.stringify(event), now],
  );
  if (rows.length === 0) return;
  await ctx.timers.schedule(tx, QUEUES.subscriberFanout, [
    { data: { eventId: event.eventId, after: null } satisfies FanoutData, runAt: now, key: `fanout:${event.eventId}` },
  ]);
}

/** The confirmation mail of a new (or re-sent) email subscription, durably. */
export async function queueConfirmation(
  ctx: ServiceContext,
  tx: EntityManager,
  subscriberId: string,
  now: Date,
): Promise<void> {
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO subscriber_delivery (subscriber_id, event_id, created_at) VALUES ($1, $2, $3) RETURNING id`,
    [subscriberId, `${CONFIRM_PREFIX}${now.getTime()}`, now],
  );
  await schedule(ctx, tx, [row!.id], now);
}

async function schedule(ctx: ServiceContext, tx: EntityManager, ids: readonly string[], runAt: Date, attempt = 0) {
  const timers = [];
  for (let i = 0; i < ids.length; i += SEND_BATCH) {
    const batch = ids.slice(i, i + SEND_BATCH);
    timers.push({
      data: { deliveryIds: batch } satisfies SendData,
      runAt,
      key: `send:${batch[0]}:${attempt}`,
    });
  }
  await ctx.timers.schedule(tx, QUEUES.subscriberDelivery, timers);
}

/**
 * One batch of the event's subscribers (confirmed, enabled, of its components, or of all when they
 * chose none), after `after` in id order: a delivery row each (ON CONFLICT DO NOTHING, so at most one
 * per subscriber and event whoever runs this), their send jobs, and the next batch's job.
 */
export async function runFanout(ctx: ServiceContext, data: FanoutData): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [row]: { event: PublicEvent }[] = await tx.query("SELECT event FROM subscriber_event WHERE id = $1", [
      data.eventId,
    ]);
    if (!row) return;
    const event = row.event;
    const componentIds = await componentsOfEvent(tx, event);
    // A status change carried by a PUBLIC incident update is told in that update's mail; webhooks get both, as on Statuspage.
    const emailToo = !(event.kind === "COMPONENT_STATUS" && event.updateId);
    const subscribers: { id: string }[] = await tx.query(
      `SELECT id FROM status_subscriber
        WHERE confirmed_at IS NOT NULL AND disabled_at IS NULL
          AND (cardinality($1::uuid[]) = 0 OR cardinality(component_ids) = 0 OR component_ids && $1::uuid[])
          AND ($2 OR channel = 'WEBHOOK')
          AND ($3::uuid IS NULL OR id > $3::uuid)
        ORDER BY id LIMIT $4`,
      [componentIds, emailToo, data.after, FANOUT_BATCH],
    );
    if (subscribers.length === 0) return;
    const now = ctx.clock.now();
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO subscriber_delivery (subscriber_id, event_id, created_at)
       SELECT unnest($1::uuid[]), $2, $3
       ON CONFLICT (subscriber_id, event_id) DO NOTHING RETURNING id`,
      [subscribers.map((s) => s.id), data.eventId, now],
    );
    await schedule(
      ctx,
      tx,
      inserted.map((r) => r.id),
      now,
    );
    if (subscribers.length === FANOUT_BATCH) {
      const last = subscribers.at(-1)!.id;
      await ctx.timers.schedule(tx, QUEUES.subscriberFanout, [
        {
          data: { eventId: data.eventId, after: last } satisfies FanoutData,
          runAt: now,
          key: `fanout:${data.eventId}:${last}`,
        },
      ]);
    }
  });
}

async function componentsOfEvent(tx: EntityManager, event: PublicEvent): Promise<string[]> {
  switch (event.kind) {
    case "COMPONENT_STATUS":
      return [event.componentId];
    case "INCIDENT_PUBLISHED":
    case "INCIDENT_UPDATE": {
      const rows: { component_id: string }[] = await tx.query(
        "SELECT component_id FROM incident_component WHERE incident_id = $1",
        [event.incidentId],
      );
      return rows.map((r) => r.component_id);
    }
    default: {
      const rows: { component_id: string }[] = await tx.query(
        "SELECT component_id FROM scheduled_maintenance_component WHERE maintenance_id = $1",
        [event.maintenanceId],
      );
      return rows.map((r) => r.component_id);
    }
  }
}

interface Claimed {
  id: string;
  subscriber_id: string;
  event_id: string;
  attempts: number;
}

type Outcome = { ok: true } | { ok: false; error: string; gone?: boolean; final?: boolean };

/**
 * Sends a batch of deliveries. Each is claimed first (PENDING → SENDING, committed), so two workers
 * never send the same one; once the SMTP server accepted a mail (or a webhook answered 2xx) it is SENT
 * and never sent again. A failure goes back to PENDING and a retry job is queued after a growing
 * delay; a webhook answering 410 Gone disables its subscriber.
 */
export async function runDeliveries(ctx: ServiceContext, data: SendData): Promise<void> {
  const now = ctx.clock.now();
  const claimed: Claimed[] = await ctx.db.query(
    `WITH claimed AS (
       UPDATE subscriber_delivery SET status = 'SENDING', claimed_at = $2, attempts = attempts + 1
        WHERE id = ANY($1::uuid[])
          AND (status = 'PENDING' OR (status = 'SENDING' AND claimed_at < $3))
        RETURNING id, subscriber_id, event_id, attempts)
     SELECT * FROM claimed`,
    [data.deliveryIds, now, new Date(now.getTime() - STALE_CLAIM_MS)],
  );
  if (claimed.length === 0) return;
  const subscribers = new Map(
    (
      await ctx.db
        .getRepository(Subscriber)
        .createQueryBuilder("s")
        .where("s.id IN (:...ids)", { ids: [...new Set(claimed.map((c) => c.subscriber_id))] })
        .getMany()
    ).map((s) => [s.id, s]),
  );
  const contents = new Map<string, Promise<EventContent | null>>();
  const contentOf = (eventId: string) => {
    if (!contents.has(eventId))
      contents.set(
        eventId,
        ctx.db
          .query("SELECT event FROM subscriber_event WHERE id = $1", [eventId])
          .then((rows: { event: PublicEvent }[]) => (rows[0] ? loadEventContent(ctx.db.manager, rows[0].event) : null)),
      );
    return contents.get(eventId)!;
  };
  const outcomes = new Map<string, Outcome>();
  let next = 0;
  const worker = async () => {
    while (next < claimed.length) {
      const delivery = claimed[next++]!;
      outcomes.set(delivery.id, await deliverOne(ctx, delivery, subscribers.get(delivery.subscriber_id), contentOf));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
  await record(ctx, claimed, outcomes);
}

async function deliverOne(
  ctx: ServiceContext,
  delivery: Claimed,
  subscriber: Subscriber | undefined,
  contentOf: (eventId: string) => Promise<EventContent | null>,
): Promise<Outcome> {
  if (!subscriber || subscriber.disabledAt) return { ok: false, error: "unsubscribed or disabled", final: true };
  try {
    const site = ctx.settings.statusSiteUrl;
    const unsubscribeToken = ctx.secrets.open(subscriber.unsubscribeToken, UNSUBSCRIBE_TOKEN_PURPOSE);
    const links = {
      site,
      unsubscribe: `${site}/subscriptions/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`,
    };
    if (delivery.event_id.startsWith(CONFIRM_PREFIX)) {
      if (subscriber.confirmedAt || !subscriber.confirmToken || subscriber.channel !== "EMAIL")
        return { ok: false, error: "no confirmation is pending", final: true };
      const token = ctx.secrets.open(subscriber.confirmToken, CONFIRM_TOKEN_PURPOSE);
      const pageName = await pageNameOf(ctx);
      const confirmUrl = `${site}/subscriptions/confirm?token=${encodeURIComponent(token)}`;
      await mail(ctx, delivery, subscriber.email!, renderConfirmationMail(pageName, confirmUrl, links), null);
      return { ok: true };
    }
    const content = await contentOf(delivery.event_id);
    if (!content) return { ok: false, error: "what the event was about is gone", final: true };
    if (subscriber.channel === "EMAIL") {
      const scope = subscriber.componentIds.length ? "some components' updates" : "all updates";
      await mail(ctx, delivery, subscriber.email!, renderEventMail(content, links, scope), links.unsubscribe);
      return { ok: true };
    }
    return await postWebhook(ctx, delivery, subscriber, statuspagePayload(content, links));
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
}

async function pageNameOf(ctx: ServiceContext): Promise<string> {
  const [row]: { name: string }[] = await ctx.db.query("SELECT name FROM organization LIMIT 1");
  return row?.name ?? "Status";
}

/** The domain of MAIL_FROM, for Message-IDs. */
function mailDomain(from: string): string {
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "liaison.local";
}

async function mail(
  ctx: ServiceContext,
  delivery: Claimed,
  to: string,
  rendered: RenderedMail,
  unsubscribe: string | null,
) {
  await ctx.mailer.send({
    to,
    ...rendered,
    messageId: `<${delivery.id}@${mailDomain(ctx.mailer.from)}>`,
    headers: unsubscribe
      ? {
          "List-Unsubscribe": `<${unsubscribe}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          "Auto-Submitted": "auto-generated",
        }
      : { "Auto-Submitted": "auto-generated" },
  });
}

async function postWebhook(
  ctx: ServiceContext,
  delivery: Claimed,
  subscriber: Subscriber,
  payload: object,
): Promise<Outcome> {
  const url = subscriber.webhookUrl!;
  const target = await checkWebhookTarget(url, ctx.settings.webhookAllowedHosts);
  if (!target.allowed) return { ok: false, error: `refused: ${target.reason}` };
  const secret = ctx.secrets.open(subscriber.webhookSecret!, SUBSCRIBER_SECRET_PURPOSE);
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "Liaison-Webhooks/1",
      ...webhookHeaders(secret, `msg_${delivery.id}`, timestamp, body),
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  await res.body?.cancel();
  if (res.status >= 200 && res.status < 300) return { ok: true };
  if (res.status === 410) return { ok: false, error: "410 Gone", gone: true, final: true };
  return { ok: false, error: `HTTP ${res.status}` };
}

async function record(ctx: ServiceContext, claimed: readonly Claimed[], outcomes: Map<string, Outcome>) {
  const now = ctx.clock.now();
  const sent = claimed.filter((c) => outcomes.get(c.id)?.ok);
  const failed = claimed.filter((c) => !outcomes.get(c.id)?.ok);
  await inTransaction(ctx, async (tx) => {
    if (sent.length)
      await tx.query(
        "UPDATE subscriber_delivery SET status = 'SENT', sent_at = $2, last_error = NULL WHERE id = ANY($1::uuid[])",
        [sent.map((c) => c.id), now],
      );
    const retries = new Map<number, string[]>();
    for (const c of failed) {
      const outcome = outcomes.get(c.id) as Extract<Outcome, { ok: false }> | undefined;
      const error = outcome?.error ?? "not attempted";
      if (outcome?.gone)
        await tx.query(
          "UPDATE status_subscriber SET disabled_at = $2, disabled_reason = '410 Gone' WHERE id = $1 AND disabled_at IS NULL",
          [c.subscriber_id, now],
        );
      const delay = RETRY_DELAYS_SECONDS[c.attempts - 1];
      if (outcome?.final || delay === undefined) {
        await tx.query("UPDATE subscriber_delivery SET status = $2, last_error = $3 WHERE id = $1", [
          c.id,
          outcome?.final && !outcome.gone ? "CANCELLED" : "FAILED",
          error,
        ]);
        continue;
      }
      await tx.query("UPDATE subscriber_delivery SET status = 'PENDING', last_error = $2 WHERE id = $1", [c.id, error]);
      retries.set(delay, [...(retries.get(delay) ?? []), c.id]);
      ctx.log.warn({ deliveryId: c.id, attempts: c.attempts, retryInSeconds: delay }, "subscriber delivery failed");
    }
    for (const [delay, ids] of retries) {
      const attempts = claimed.find((c) => c.id === ids[0])!.attempts;
      await schedule(ctx, tx, ids, new Date(now.getTime() + delay * 1000), attempts);
    }
  });
}
