import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "./access/viewer.js";
import type { EventBus } from "./event-bus.js";
import type { Logger } from "./logger.js";
import type { Mailer } from "./mail.js";
import type { Notifier } from "./notifier.js";
import type { SecretBox } from "./secrets.js";
import type { Timers } from "./timers/timers.js";

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A source of randomness in [0, 1), injected like the clock so tie-breaks can be replayed. */
export type Random = () => number;

export interface AppSettings {
  /** Events API: events a minute per routing key, per process. */
  eventsRateLimitPerMinute: number;
  /** Private or loopback hosts that webhooks may target anyway (tests use 127.0.0.1). */
  webhookAllowedHosts: readonly string[];
  /** The status site's public address, for links in messages (no trailing slash). */
  statusSiteUrl: string;
  /** Anonymous `subscribe`: calls an hour per client (user or address) and per email address. */
  subscribeLimits: { perClientPerHour: number; perEmailPerHour: number };
}
export const DEFAULT_SETTINGS: AppSettings = {
  eventsRateLimitPerMinute: 120,
  webhookAllowedHosts: [],
  statusSiteUrl: "http://localhost:4321",
  subscribeLimits: { perClientPerHour: 30, perEmailPerHour: 5 },
};

/**
 * Who is on duty as Customer Liaison at an instant (the playbook of a major incident asks).
 * A port: on-call schedules answer it in production; tests may fix it.
 */
export interface LiaisonRoster {
  onDutyLiaison(tx: EntityManager, at: Date): Promise<string | null>;
}

/** Something a module keeps per process and drops whenever public state changes. */
export interface Invalidatable {
  invalidate(): void;
}

/** Memoised values of one scope (a process, or one request), each under its module's own key. */
export class Scope {
  private readonly values = new Map<symbol, unknown>();
  memo<T>(key: symbol, make: () => T): T {
    if (!this.values.has(key)) this.values.set(key, make());
    return this.values.get(key) as T;
  }
  /** Calls `invalidate()` on every memoised value that has one. */
  invalidate(): void {
    for (const value of this.values.values())
      if (value && typeof (value as Partial<Invalidatable>).invalidate === "function")
        (value as Invalidatable).invalidate();
  }
}

/** Long-lived collaborators, shared by every request of one API process. */
export interface AppServices {
  db: DataSource;
  clock: Clock;
  random: Random;
  log: Logger;
  /** Seals and opens secrets stored at rest (SECRETS_KEY). */
  secrets: SecretBox;
  bus: EventBus;
  /** Durable deadlines (pg-boss): queued in the caller's transaction. */
  timers: Timers;
  settings: AppSettings;
  /** Outbound mail (SMTP_URL, MAIL_FROM), pooled. */
  mailer: Mailer;
  notifier: Notifier;
  roster: LiaisonRoster;
  /** Read caches of this process (e.g. the public status page), dropped by `invalidate`. */
  caches: Scope;
  /** Called after a local commit that changed public state: drops read caches at once. */
  invalidate(): void;
  /**
   * Called after a local commit that revoked tokens: this process's token cache forgets at once (the others
   * on the `tokens-revoked` event). Not on other changes: a write would otherwise cost every caller's next
   * request a token lookup, in every process.
   */
  forgetCredentials(): void;
}

/** What a use case sees: the process's services plus who is asking and this request's batching. */
export interface ServiceContext extends AppServices {
  viewer: Viewer | null;
  /** Per-request loaders; `cache` is false where a context outlives its data (subscriptions, timers). */
  request: { scope: Scope; cache: boolean };
}

/** One request's memoised value (e.g. a module's DataLoaders). */
export function perRequest<T>(key: symbol, make: (ctx: ServiceContext) => T): (ctx: ServiceContext) => T {
  return (ctx) => ctx.request.scope.memo(key, () => make(ctx));
}

/** One process's memoised value (e.g. a module's read cache), dropped with `invalidate()` when it has one. */
export function perProcess<T>(key: symbol, make: (ctx: AppServices) => T): (ctx: AppServices) => T {
  return (ctx) => ctx.caches.memo(key, () => make(ctx));
}
