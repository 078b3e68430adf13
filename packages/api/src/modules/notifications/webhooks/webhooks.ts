import { In, type EntityManager } from "typeorm";
import type { Notification } from "../notification.entity.js";
import { WebhookDelivery, WebhookEndpoint } from "./webhook.entity.js";
import { CreateWebhookEndpointInput } from "./webhook.types.js";
import { NotFoundError, ValidationError, parseInput } from "../../../platform/errors.js";
import { QUEUES } from "../../../platform/timers/queues.js";
import { WEBHOOK_SECRET_PURPOSE, generateWebhookSecret, webhookHeaders } from "./standard-webhooks.js";
import { checkWebhookTarget } from "./target-policy.js";
import { Id, requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { preferencesOf } from "../preferences.js";
import { inTransaction } from "../../../platform/db/transaction.js";

const EVERYONE = ["ADMIN", "RESPONDER", "SUPPORT_AGENT", "CUSTOMER_SUCCESS_ENGINEER", "CUSTOMER"] as const;
const DELIVERY_TIMEOUT_MS = 10_000;

export type WebhookTimerData = { deliveryId: string };

/** The signed-in user's endpoint; the secret is returned once, here. */
export async function createWebhookEndpoint(
  ctx: ServiceContext,
  raw: unknown,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const viewer = requireRole(ctx, ...EVERYONE);
  const input = parseInput(CreateWebhookEndpointInput.schema, raw);
  const target = await checkWebhookTarget(input.url, ctx.settings.webhookAllowedHosts);
  if (!target.allowed) throw new ValidationError({ "input.url": target.reason });
  const secret = generateWebhookSecret();
  const endpoint = await inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(WebhookEndpoint);
    return repo.save(
      repo.create({
        userId: viewer.userId,
        url: input.url,
        secret: ctx.secrets.seal(secret, WEBHOOK_SECRET_PURPOSE),
        description: input.description,
        enabled: true,
        disabledReason: null,
        createdAt: ctx.clock.now(),
      }),
    );
  });
  return { endpoint, secret };
}

export async function deleteWebhookEndpoint(ctx: ServiceContext, rawId: unknown): Promise<boolean> {
  const viewer = requireRole(ctx, ...EVERYONE);
  const id = parseInput(Id, rawId, "id");
  const result = await ctx.db.getRepository(WebhookEndpoint).delete({ id, userId: viewer.userId });
  if (!result.affected) throw new NotFoundError("Webhook endpoint", id);
  return true;
}

export async function myWebhookEndpoints(ctx: ServiceContext): Promise<WebhookEndpoint[]> {
  const viewer = requireRole(ctx, ...EVERYONE);
  return ctx.db.getRepository(WebhookEndpoint).find({ where: { userId: viewer.userId }, order: { createdAt: "ASC" } });
}

export async function deliveriesOf(ctx: ServiceContext, endpoint: WebhookEndpoint): Promise<WebhookDelivery[]> {
  return ctx.db
    .getRepository(WebhookDelivery)
    .find({ where: { endpointId: endpoint.id }, order: { createdAt: "DESC" }, take: 50 });
}

/** For people who chose the WEBHOOK channel: one delivery per enabled endpoint, queued in the caller's transaction. */
export async function queueWebhookDeliveries(
  ctx: ServiceContext,
  tx: EntityManager,
  notifications: readonly Notification[],
): Promise<void> {
  if (notifications.length === 0) return;
  const prefs = await preferencesOf(tx, [...new Set(notifications.map((n) => n.userId))]);
  const wanting = notifications.filter((n) => prefs.get(n.userId)?.channels.includes("WEBHOOK"));
  if (wanting.length === 0) return;
  const endpoints = await tx
    .getRepository(WebhookEndpoint)
    .findBy({ userId: In([...new Set(wanting.map((n) => n.userId))]), enabled: true });
  const now = ctx.clock.now();
  const timers = [];
  for (const n of wanting) {
    for (const endpoint of endpoints.filter((e) => e.userId === n.userId)) {
      const payload = {
        type: "notification.created",
        timestamp: now.toISOString(),
        data: {
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          dueAt: n.dueAt ? new Date(n.dueAt).toISOString() : null,
          ticketId: n.ticketId,
          incidentId: n.incidentId,
          createdAt: new Date(n.createdAt).toISOString(),
        },
      };
      const delivery = await tx.getRepository(WebhookDelivery).save(
        tx.getRepository(WebhookDelivery).create({
          endpointId: endpoint.id,
          eventType: payload.type,
          payload,
          status: "PENDING",
          attempts: 0,
          lastStatusCode: null,
          lastError: null,
          createdAt: now,
          deliveredAt: null,
        }),
      );
      timers.push({
        data: { deliveryId: delivery.id } satisfies WebhookTimerData,
        runAt: now,
        key: `webhook:${delivery.id}`,
      });
    }
  }
  await ctx.timers.schedule(tx, QUEUES.webhook, timers);
}

type DeliveryPatch = Partial<Omit<WebhookDelivery, "payload">>;

/** Seconds before each retry (as Svix does): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; eight attempts in all. */
const RETRY_DELAYS_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000, 36_000];

/**
 * One attempt at a delivery. 2xx delivers; 410 Gone disables the endpoint; anything else queues
 * the next attempt after a growing delay, until the attempts run out and the delivery FAILED.
 * The same webhook-id goes with every attempt, so receivers can drop duplicates.
 */
export async function runWebhookDelivery(ctx: ServiceContext, data: WebhookTimerData): Promise<void> {
  const delivery = await ctx.db.getRepository(WebhookDelivery).findOneBy({ id: data.deliveryId });
  if (!delivery || delivery.status !== "PENDING") return;
  const endpoint = await ctx.db.getRepository(WebhookEndpoint).findOneBy({ id: delivery.endpointId });
  const record = (tx: EntityManager, patch: DeliveryPatch) =>
    tx.getRepository(WebhookDelivery).update({ id: delivery.id, status: "PENDING" }, patch);
  if (!endpoint || !endpoint.enabled) {
    await record(ctx.db.manager, { status: "CANCELLED", lastError: "the endpoint is disabled" });
    return;
  }
  const attempts = delivery.attempts + 1;
  const target = await checkWebhookTarget(endpoint.url, ctx.settings.webhookAllowedHosts);
  if (!target.allowed) {
    await record(ctx.db.manager, { status: "FAILED", attempts, lastError: `refused: ${target.reason}` });
    return;
  }
  const secret = ctx.secrets.open(endpoint.secret, WEBHOOK_SECRET_PURPOSE);
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(ctx.clock.now().getTime() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Liaison-Webhooks/1",
        ...webhookHeaders(secret, `msg_${delivery.id}`, timestamp, body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  await inTransaction(ctx, async (tx) => {
    if (status !== null && status >= 200 && status < 300) {
      await record(tx, {
        status: "DELIVERED",
        attempts,
        lastStatusCode: status,
        lastError: null,
        deliveredAt: ctx.clock.now(),
      });
      return;
    }
    if (status === 410) {
      await tx.getRepository(WebhookEndpoint).update(endpoint.id, { enabled: false, disabledReason: "410 Gone" });
      await record(tx, { status: "FAILED", attempts, lastStatusCode: 410, lastError: "410 Gone" });
      await tx
        .getRepository(WebhookDelivery)
        .update(
          { endpointId: endpoint.id, status: "PENDING" },
          { status: "CANCELLED", lastError: "the endpoint is gone" },
        );
      return;
    }
    const delay = RETRY_DELAYS_SECONDS[attempts - 1];
    const lastError = error ?? `HTTP ${status}`;
    if (delay === undefined) {
      await record(tx, { status: "FAILED", attempts, lastStatusCode: status, lastError });
      return;
    }
    await record(tx, { attempts, lastStatusCode: status, lastError });
    await ctx.timers.schedule(tx, QUEUES.webhook, [
      {
        data: { deliveryId: delivery.id } satisfies WebhookTimerData,
        runAt: new Date(ctx.clock.now().getTime() + delay * 1000),
        key: `webhook:${delivery.id}:${attempts + 1}`,
      },
    ]);
  });
}
