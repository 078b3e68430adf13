import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import type { Viewer } from "../platform/access/viewer.js";
import { AppError, UnauthenticatedError, isUnavailable } from "../platform/errors.js";
import type { GraphQLContext } from "../platform/graphql/context.js";
import { logQuietly, readBody, sendJson } from "../platform/http/http.js";
import type { CallerRateLimit } from "../platform/http/rate-limiter.js";
import type { ServiceContext } from "../platform/context.js";
import {
  PUBLIC_CACHE_CONTROL,
  PUBLIC_VARY,
  etagOf,
  matchesIfNoneMatch,
  type PublicResponseCache,
} from "./public-cache.js";

export interface GraphQLOverHttp {
  apollo: ApolloServer<GraphQLContext>;
  responseCache: PublicResponseCache;
  limiter: CallerRateLimit | null;
  authenticate(header: string | undefined): Promise<Viewer | null>;
  context(viewer: Viewer | null): ServiceContext;
  /**
   * The status site's shared secret (API_FORWARDING_SECRET): a request carrying it in
   * x-liaison-forwarding-secret is counted as the client in its X-Forwarded-For.
   */
  forwardingSecret?: string | null;
  /** Sees each request's body once read: metrics name the operation from it. */
  onBody?(res: ServerResponse, text: string): void;
}

/** Mirrors Apollo's CSRF rule so a cached answer is never given where Apollo would refuse. */
function passesCsrfCheck(req: IncomingMessage): boolean {
  if (req.headers["x-apollo-operation-name"] || req.headers["apollo-require-preflight"]) return true;
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  return type !== "" && !["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"].includes(type);
}

function safeQueryOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as { query?: unknown };
    return typeof body.query === "string" ? body.query : null;
  } catch {
    return null;
  }
}

/** The client's address: the socket's, or the one a trusted proxy (the status site) forwards. */
function clientAddress(req: IncomingMessage, secret: string | null): string {
  const own = req.socket.remoteAddress ?? "?";
  const given = req.headers["x-liaison-forwarding-secret"];
  if (!secret || typeof given !== "string") return own;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return own;
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first && first.length <= 100 ? first : own;
}

/** What a shared cache needs of an anonymous public answer (public-cache.ts says how long it may keep it). */
function publicHeaders(etag: string): Record<string, string> {
  return { "cache-control": PUBLIC_CACHE_CONTROL, vary: PUBLIC_VARY, etag };
}

function refuse(res: ServerResponse, wait: number): void {
  if (res.destroyed) return;
  sendJson(
    res,
    429,
    {
      errors: [
        { message: `Too many requests; retry in ${wait} s`, extensions: { code: "RATE_LIMITED", retryAfter: wait } },
      ],
    },
    { "retry-after": String(wait) },
  );
}

/**
 * A caller that keeps sending while refused: its first refusal in the window was logged and answered at
 * once; the next ones are logged at debug only and answered after REFUSAL_DELAY_MS, so a client that
 * ignores Retry-After slows down (one request per connection per delay) instead of taking the process's
 * time from everyone else. At most MAX_DELAYED wait at once; past that they are answered at once.
 */
const REFUSAL_DELAY_MS = 250;
const MAX_DELAYED = 1_000;
let delayed = 0;
function refuseAgain(res: ServerResponse, wait: number): void {
  logQuietly(res);
  if (delayed >= MAX_DELAYED) return refuse(res, wait);
  delayed++;
  setTimeout(() => {
    delayed--;
    refuse(res, wait);
  }, REFUSAL_DELAY_MS);
}

/** GraphQL over HTTP at /graphql: the anonymous response cache, authentication, the rate limit, then Apollo. */
export function graphqlOverHttp(deps: GraphQLOverHttp) {
  const { apollo, responseCache, limiter } = deps;
  return async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const text = req.method === "POST" ? await readBody(req) : "";
    deps.onBody?.(res, text);
    const anonymous = !req.headers.authorization;
    let cacheKey: string | null = null;
    if (anonymous && passesCsrfCheck(req)) {
      // Everything Apollo's answer depends on: the content type it negotiates (or 406/415) and the request.
      // Only answers to cacheable queries are stored, so a hit needs no parsing (and costs a flood little).
      cacheKey = [
        req.method,
        req.headers.accept ?? "",
        req.headers["content-type"] ?? "",
        req.method === "GET" ? url.search : text,
      ].join("\n");
      const hit = responseCache.get(cacheKey);
      if (hit) {
        // Counted in the metrics; each one logged would be most of what a busy page costs.
        logQuietly(res);
        const headers = publicHeaders(hit.etag);
        // A conditional POST is not answered 304 (RFC 9110 keeps that for GET and HEAD): it gets the body.
        if (req.method === "GET" && matchesIfNoneMatch(req.headers["if-none-match"], hit.etag)) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
        res.writeHead(hit.status, { ...headers, "content-type": hit.contentType, "x-liaison-cache": "hit" });
        res.end(hit.body);
        return;
      }
    }
    const generation = responseCache.begin();
    let viewer: Viewer | null;
    try {
      viewer = await deps.authenticate(req.headers.authorization);
    } catch (error) {
      if (isUnavailable(error)) throw error; // 503 from the HTTP layer: not the caller's fault
      const e = error instanceof AppError ? error : new UnauthenticatedError();
      sendJson(
        res,
        401,
        { errors: [{ message: e.message, extensions: { code: e.code } }] },
        { "www-authenticate": "Bearer" },
      );
      return;
    }
    const caller = viewer ? `user:${viewer.userId}` : `ip:${clientAddress(req, deps.forwardingSecret ?? null)}`;
    // A caller already refused in this window is refused again from memory, quietly and a little later.
    const blocked = limiter?.blockedFor(caller) ?? 0;
    if (blocked > 0) {
      refuseAgain(res, blocked);
      return;
    }
    const wait = (await limiter?.take(caller)) ?? 0;
    if (wait > 0) {
      refuse(res, wait);
      return;
    }
    if (cacheKey) {
      const query = req.method === "GET" ? url.searchParams.get("query") : safeQueryOf(text);
      if (!query || !responseCache.isCacheableQuery(query)) cacheKey = null;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown = undefined;
    if (req.method === "POST") {
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        sendJson(res, 400, {
          errors: [{ message: "The body is not valid JSON", extensions: { code: "BAD_USER_INPUT" } }],
        });
        return;
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => Promise.resolve({ viewer, services: deps.context(viewer), caller }),
    });
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.statusCode = response.status ?? 200;
    for (const [key, value] of Object.entries(outHeaders)) res.setHeader(key, value);
    if (response.body.kind === "complete") {
      const status = response.status ?? 200;
      if (cacheKey && status === 200 && !response.body.string.includes('"errors"')) {
        const etag = etagOf(response.body.string);
        responseCache.store(cacheKey, generation, {
          status,
          contentType: outHeaders["content-type"] ?? "application/json",
          body: response.body.string,
          etag,
        });
        for (const [key, value] of Object.entries(publicHeaders(etag))) res.setHeader(key, value);
        if (req.method === "GET" && matchesIfNoneMatch(req.headers["if-none-match"], etag)) {
          res.statusCode = 304;
          res.removeHeader("content-type");
          res.end();
          return;
        }
      } else if (!res.hasHeader("cache-control")) res.setHeader("cache-control", "no-store");
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
