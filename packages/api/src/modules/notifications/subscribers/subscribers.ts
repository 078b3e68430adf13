import { createHash, randomBytes } from "node:crypto";
import type { EntityManager } from "typeorm";
import {
  CONFIRM_TOKEN_PURPOSE,
  SUBSCRIBER_SECRET_PURPOSE,
  Subscriber,
  UNSUBSCRIBE_TOKEN_PURPOSE,
} from "./subscriber.entity.js";
import { SubscribeInput } from "./subscriber.types.js";
import { chargeClient, chargeEmail } from "./subscribe-limits.js";
import { queueConfirmation } from "./delivery.js";
import { checkWebhookTarget } from "../webhooks/target-policy.js";
import { generateWebhookSecret } from "../webhooks/standard-webhooks.js";
import { NotFoundError, ValidationError, parseInput } from "../../../platform/errors.js";
import { Id, requireRole } from "../../../platform/validation.js";
import type { ServiceContext } from "../../../platform/context.js";
import { inTransaction } from "../../../platform/db/transaction.js";
import { decodeCursor, encodeCursor, parsePage, toPage, type Page } from "../../../platform/pagination.js";
import { z } from "zod";

/** No second confirmation mail to an address within this long. */
const RESEND_AFTER_MS = 10 * 60_000;
/** A confirmation link works this long. */
const CONFIRM_VALID_MS = 7 * 24 * 3600_000;

const Token = z.string().trim().min(16, "is not a valid link").max(200, "is not a valid link");

const newToken = () => randomBytes(32).toString("base64url");
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A public subscription. Email: double opt-in (a confirmation mail, nothing else until its link is
 * followed). Webhook: confirmed at once, its target refused when private. The same address again is
 * not an error: the existing subscription is answered (see `existingAnswer`), and a confirmation is
 * mailed again only when the last one is older than 10 minutes. Charged per client and per address.
 */
export async function subscribe(ctx: ServiceContext, raw: unknown, caller: string): Promise<Subscriber> {
  await chargeClient(ctx, caller);
  const input = parseInput(SubscribeInput.schema, raw);
  if (input.email !== undefined) await chargeEmail(ctx, input.email);
  if (input.webhookUrl !== undefined) {
    const target = await checkWebhookTarget(input.webhookUrl, ctx.settings.webhookAllowedHosts);
    if (!target.allowed) throw new ValidationError({ "input.webhookUrl": target.reason });
  }
  return inTransaction(ctx, async (tx) => {
    await assertComponentsExist(tx, input.componentIds);
    const now = ctx.clock.now();
    if (input.email !== undefined) return subscribeEmail(ctx, tx, input.email, input.componentIds, now);
    return subscribeWebhook(ctx, tx, input.webhookUrl!, input.componentIds, now);
  });
}

async function assertComponentsExist(tx: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const wellFormed = ids.filter((id) => uuid.test(id));
  const found: { id: string }[] = wellFormed.length
    ? await tx.query("SELECT id FROM component WHERE id = ANY($1::uuid[])", [wellFormed])
    : [];
  const known = new Set(found.map((r) => r.id.toLowerCase()));
  const unknown = ids.find((id) => !known.has(id.toLowerCase()));
  if (unknown !== undefined) throw new ValidationError({ "input.componentIds": `names no component (${unknown})` });
}

function tokens(ctx: ServiceContext) {
  const unsubscribe = newToken();
  return {
    unsubscribeTokenHash: hashToken(unsubscribe),
    unsubscribeToken: ctx.secrets.seal(unsubscribe, UNSUBSCRIBE_TOKEN_PURPOSE),
  };
}

async function subscribeEmail(
  ctx: ServiceContext,
  tx: EntityManager,
  email: string,
  componentIds: string[],
  now: Date,
): Promise<Subscriber> {
  const repo = tx.getRepository(Subscriber);
  // Serializes subscriptions of one address across requests and processes.
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('liaison.subscriber:' || lower($1)))", [email]);
  const existing = await repo
    .createQueryBuilder("s")
    .where("s.channel = 'EMAIL' AND lower(s.email) = lower(:email)", { email })
    .getOne();
  let subscriber = existing;
  if (!subscriber) {
    subscriber = await repo.save(
      repo.create({
        channel: "EMAIL",
        email,
        webhookUrl: null,
        componentIds,
        confirmedAt: null,
        createdAt: now,
        ...tokens(ctx),
        confirmTokenHash: null,
        confirmToken: null,
        confirmationSentAt: null,
        webhookSecret: null,
        disabledAt: null,
        disabledReason: null,
      }),
    );
  } else if (!subscriber.confirmedAt) {
    // Still opting in: the latest choice of components stands (the confirmation governs).
    subscriber.componentIds = componentIds;
    await repo.update(subscriber.id, { componentIds });
  }
  const recentlySent =
    subscriber.confirmationSentAt && now.getTime() - subscriber.confirmationSentAt.getTime() < RESEND_AFTER_MS;
  if (!subscriber.confirmedAt && !recentlySent) {
    const confirm = newToken();
    await repo.update(subscriber.id, {
      confirmTokenHash: hashToken(confirm),
      confirmToken: ctx.secrets.seal(confirm, CONFIRM_TOKEN_PURPOSE),
      confirmationSentAt: now,
    });
    await queueConfirmation(ctx, tx, subscriber.id, now);
  }
  return existing ? existingAnswer(existing, { email, componentIds, now }) : subscriber;
}

async function subscribeWebhook(
  ctx: ServiceContext,
  tx: EntityManager,
  url: string,
  componentIds: string[],
  now: Date,
): Promise<Subscriber> {
  const repo = tx.getRepository(Subscriber);
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('liaison.subscriber:' || $1))", [url]);
  const existing = await repo.findOneBy({ channel: "WEBHOOK", webhookUrl: url });
  if (existing) return existingAnswer(existing, { email: null, componentIds, now });
  const secret = generateWebhookSecret();
  const created = await repo.save(
    repo.create({
      channel: "WEBHOOK",
      email: null,
      webhookUrl: url,
      componentIds,
      confirmedAt: now,
      createdAt: now,
      ...tokens(ctx),
      confirmTokenHash: null,
      confirmToken: null,
      confirmationSentAt: null,
      webhookSecret: ctx.secrets.seal(secret, SUBSCRIBER_SECRET_PURPOSE),
      disabledAt: null,
      disabledReason: null,
    }),
  );
  return Object.assign(created, { signingSecret: secret });
}

/**
 * What a caller learns when the address is already subscribed: their own input back, nothing of
 * the existing subscription (whether or when it was confirmed, its components, its secret), so
 * that `subscribe` cannot be used to find out who is subscribed to what.
 */
function existingAnswer(
  existing: Subscriber,
  given: { email: string | null; componentIds: string[]; now: Date },
): Subscriber {
  return Object.assign(new Subscriber(), {
    id: existing.id,
    channel: existing.channel,
    email: given.email,
    webhookUrl: existing.webhookUrl,
    componentIds: given.componentIds,
    confirmedAt: existing.channel === "WEBHOOK" ? given.now : null,
    createdAt: given.now,
    signingSecret: null,
  });
}

/** Follows the link of a confirmation mail: from now on the address hears of the page's news. */
export async function confirmSubscription(ctx: ServiceContext, rawToken: unknown): Promise<Subscriber> {
  const token = parseInput(Token, rawToken, "token");
  return inTransaction(ctx, async (tx) => {
    const repo = tx.getRepository(Subscriber);
    const subscriber = await repo.findOne({
      where: { confirmTokenHash: hashToken(token) },
      lock: { mode: "pessimistic_write" },
    });
    const sentAt = subscriber?.confirmationSentAt?.getTime() ?? 0;
    if (!subscriber || ctx.clock.now().getTime() - sentAt > CONFIRM_VALID_MS)
      throw new NotFoundError("Subscription", "of this link");
    subscriber.confirmedAt ??= ctx.clock.now();
    await repo.update(subscriber.id, { confirmedAt: subscriber.confirmedAt });
    return subscriber;
  });
}

/** Ends the subscription whose messages carry this token; false when there is none (already ended). */
export async function unsubscribe(ctx: ServiceContext, rawToken: unknown): Promise<boolean> {
  const token = parseInput(Token, rawToken, "token");
  const result = await ctx.db.getRepository(Subscriber).delete({ unsubscribeTokenHash: hashToken(token) });
  return (result.affected ?? 0) > 0;
}

/** Newest first. */
export async function listSubscribers(ctx: ServiceContext, first: unknown, after: unknown): Promise<Page<Subscriber>> {
  requireRole(ctx, "ADMIN");
  const page = parsePage(first, after);
  const q = ctx.db.getRepository(Subscriber).createQueryBuilder("s");
  if (page.after) {
    const [at, id] = decodeCursor(page.after, 2);
    q.where("(s.created_at, s.id) < (:at, :id)", { at: new Date(String(at)), id: String(id) });
  }
  const rows = await q
    .orderBy("s.created_at", "DESC")
    .addOrderBy("s.id", "DESC")
    .take(page.first + 1)
    .getMany();
  return toPage(rows, page.first, (s) => encodeCursor([s.createdAt.toISOString(), s.id]));
}

export async function removeSubscriber(ctx: ServiceContext, rawId: unknown): Promise<boolean> {
  requireRole(ctx, "ADMIN");
  const id = parseInput(Id, rawId, "id");
  const result = await ctx.db.getRepository(Subscriber).delete({ id });
  if (!result.affected) throw new NotFoundError("Subscriber", id);
  return true;
}
