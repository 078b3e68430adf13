import { createHash } from "node:crypto";
import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { perProcess, type AppServices } from "../../../platform/context.js";
import { rateLimitedError } from "../../../platform/http/rate-limiter.js";

const HOUR_SECONDS = 3600;

function hourly(pool: pg.Pool, keyPrefix: string, points: number) {
  return new RateLimiterPostgres({
    storeClient: pool,
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix,
    points,
    duration: HOUR_SECONDS,
    inMemoryBlockOnConsumed: points,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: HOUR_SECONDS }),
  });
}

/** Counted in PostgreSQL (table rate_limit), so every API process shares them. */
const limiters = perProcess(Symbol("subscribe limits"), (app: AppServices) => {
  const pool = (app.db.driver as unknown as { master: pg.Pool }).master;
  const { perClientPerHour, perEmailPerHour } = app.settings.subscribeLimits;
  return {
    client: hourly(pool, "subscribe-client", perClientPerHour),
    email: hourly(pool, "subscribe-email", perEmailPerHour),
  };
});

async function take(limiter: RateLimiterPostgres, key: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw rateLimitedError(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    throw refusal;
  }
}

/** One `subscribe` call of this client (`ip:<address>` or `user:<id>`): RATE_LIMITED past the hourly limit. */
export function chargeClient(app: AppServices, caller: string): Promise<void> {
  return take(limiters(app).client, caller);
}

/** One `subscribe` naming this address; the key is a hash, so no address is stored. */
export function chargeEmail(app: AppServices, email: string): Promise<void> {
  return take(limiters(app).email, createHash("sha256").update(email.toLowerCase()).digest("hex"));
}
