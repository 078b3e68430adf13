import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import type pg from "pg";
import { AppError } from "../errors.js";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/** Token buckets per key in this process: `burst` at once, refilled at `perSecond` (the Events API's intake). */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {}

  /** 0 when the request may go ahead, else the seconds to wait. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    if (this.buckets.size > 100_000) this.buckets.clear();
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / this.perSecond);
  }
}

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
  /** An operation counts as one request per this much cost (cost.ts), at most `burst` requests. */
  costPerRequest?: number;
}

/** What rate-limiter-flexible's store limiters have and its types leave out: their in-memory blocks. */
interface InMemoryBlocks {
  getInMemoryBlockMsBeforeExpire(rlKey: string): number;
}

/** The default of `costPerRequest`: the public status page's own queries count as a few dozen requests. */
const COST_PER_REQUEST = 1_000;

/**
 * The GraphQL rate limit of a caller (a user, or an address when anonymous), over HTTP and WebSocket
 * alike and shared by every API process: `burst` requests in each window of `burst / perSecond` seconds,
 * counted in PostgreSQL (table rate_limit, rate-limiter-flexible).
 *
 * PostgreSQL is asked at most once per request of a caller that is not blocked: a caller that reaches its
 * limit is blocked in this process's memory until its window ends (`inMemoryBlockOnConsumed`), and every
 * request it sends meanwhile is refused from memory without touching the database (`blockedFor`, checked
 * first). The count stays shared: with N processes a caller gets at most `burst` per window in all,
 * plus the requests already in flight on the other processes when one of them saw the limit reached
 * (each process learns of the block on its own next request, which is refused by the database's count).
 * If the database cannot be reached, each process counts alone (`insuranceLimiter`, in memory): then a
 * caller can get up to `burst` × N per window; a caller already blocked stays blocked through the outage.
 */
export class CallerRateLimit {
  private readonly limiter: RateLimiterPostgres;
  private readonly points: number;
  private readonly costPerRequest: number;

  constructor(pool: pg.Pool, options: RateLimitOptions) {
    const points = Math.max(1, Math.round(options.burst));
    this.points = points;
    this.costPerRequest = options.costPerRequest ?? COST_PER_REQUEST;
    const duration = Math.max(1, Math.round(points / options.perSecond));
    this.limiter = new RateLimiterPostgres({
      storeClient: pool,
      tableName: "rate_limit",
      tableCreated: true,
      keyPrefix: "graphql",
      points,
      duration,
      inMemoryBlockOnConsumed: points,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: "graphql", points, duration }),
    });
  }

  /**
   * The seconds a caller already known to be past its limit must still wait, from this process's memory
   * (no database round trip); 0 when it is not blocked here.
   */
  blockedFor(key: string): number {
    const ms = (this.limiter as unknown as InMemoryBlocks).getInMemoryBlockMsBeforeExpire(this.limiter.getKey(key));
    return ms > 0 ? Math.max(1, Math.ceil(ms / 1000)) : 0;
  }

  /** 0 when the request may go ahead, else the seconds to wait. */
  async take(key: string, requests = 1): Promise<number> {
    const blocked = this.blockedFor(key);
    if (blocked > 0) return blocked;
    try {
      await this.limiter.consume(key, requests);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      throw refusal;
    }
  }

  /** Charges what an operation costs beyond the one request already taken; 0 or the seconds to wait. */
  async charge(key: string, cost: number): Promise<number> {
    const extra = Math.min(this.points, Math.ceil(cost / this.costPerRequest)) - 1;
    return extra > 0 ? this.take(key, extra) : 0;
  }
}

/** RATE_LIMITED, with `retryAfter` and (over HTTP) 429 and Retry-After. */
export function rateLimitedError(wait: number): GraphQLError {
  const message = `Too many requests; retry in ${wait} s`;
  return new GraphQLError(message, {
    extensions: {
      code: "RATE_LIMITED",
      http: { status: 429, headers: new HeaderMap([["retry-after", String(wait)]]) },
    },
    originalError: new AppError("RATE_LIMITED", message, { retryAfter: wait }),
  });
}
