import type { IncomingMessage, ServerResponse } from "node:http";
import { findIntegration, processEvent, type IntegrationConfig } from "./alerts.js";
import { recordChangeEvent } from "./change-events.js";
import { parseChangeEvent, parseEvent } from "./events-api.js";
import {
  PayloadTooLargeError,
  answerUnreadBody,
  readBody,
  type Route,
  type RouteHost,
} from "../../platform/http/http.js";
import { RateLimiter } from "../../platform/http/rate-limiter.js";

const MAX_EVENT_BYTES = 512 * 1024;
const CONFIG_TTL_MS = 5_000;

interface IntakeState {
  limiter: RateLimiter;
  integrations: Map<string, { config: IntegrationConfig | null; expires: number }>;
}
const states = new WeakMap<RouteHost, IntakeState>();

function stateOf(app: RouteHost): IntakeState {
  let state = states.get(app);
  if (!state) {
    const perMinute = app.services.settings.eventsRateLimitPerMinute;
    // A key may send a minute's worth at once, then its rate.
    state = { limiter: new RateLimiter(perMinute / 60, perMinute, () => Date.now()), integrations: new Map() };
    states.set(app, state);
  }
  return state;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

const invalid = (res: ServerResponse, errors: string[]) =>
  send(res, 400, { status: "invalid event", message: "Event object is invalid", errors });

/** Routing keys are looked up at most every few seconds per process: intake stays cheap under load. */
async function integrationFor(
  app: RouteHost,
  state: IntakeState,
  routingKey: string,
): Promise<IntegrationConfig | null> {
  const now = Date.now();
  const hit = state.integrations.get(routingKey);
  if (hit && hit.expires > now) return hit.config;
  const config = await findIntegration(app.context(null), routingKey);
  if (state.integrations.size > 10_000) state.integrations.clear();
  state.integrations.set(routingKey, { config, expires: now + CONFIG_TTL_MS });
  return config;
}

type Parsed<E> = { ok: true; event: E } | { ok: false; errors: string[] };

/**
 * One event: the body (at most 512 KB, PagerDuty's limit for the whole event, larger is 400 like any
 * invalid event), its validation, the key's rate, its integration, then `apply` once it has committed.
 */
async function intake<E extends { routingKey: string }>(
  req: IncomingMessage,
  res: ServerResponse,
  app: RouteHost,
  parse: (body: unknown) => Parsed<E>,
  apply: (config: IntegrationConfig, event: E) => Promise<void>,
): Promise<void> {
  if (req.method !== "POST") {
    send(res, 405, { status: "error", message: "Use POST" }, { allow: "POST" });
    return;
  }
  let text: string;
  try {
    text = await readBody(req, MAX_EVENT_BYTES);
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    // PagerDuty's answer to an event over 512 KB is 400, not 413.
    answerUnreadBody(req, res, () => invalid(res, ["Event is too large (at most 512 KB)"]));
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    invalid(res, ["Malformed JSON"]);
    return;
  }
  const parsed = parse(body);
  if (!parsed.ok) {
    invalid(res, parsed.errors);
    return;
  }
  const state = stateOf(app);
  const { event } = parsed;
  // Alert and change events with one routing key share its rate, as PagerDuty's integration keys do.
  const wait = state.limiter.take(`events:${event.routingKey}`);
  if (wait > 0) {
    send(
      res,
      429,
      {
        status: "throttle event",
        message: "Requests for this integration are arriving too quickly. Please retry later.",
      },
      { "retry-after": String(wait) },
    );
    return;
  }
  const config = await integrationFor(app, state, event.routingKey);
  if (!config) {
    invalid(res, ["'routing_key' does not name an integration"]);
    return;
  }
  await apply(config, event);
}

/**
 * PagerDuty Events API v2 compatible intake: `202 { status, message, dedup_key }` only once the
 * event has committed; `400` naming every problem; `429` with Retry-After past a key's rate.
 * Change events (`/v2/change/enqueue`) answer `202 { status, message }`, as PagerDuty's do.
 */
export const eventsApiRoute: Route = async (req, res, app) => {
  const path = (req.url ?? "/").split("?")[0];
  if (path === "/v2/enqueue") {
    await intake(req, res, app, parseEvent, async (config, event) => {
      const dedupKey = await processEvent(app.context(null, { cacheLoaders: false }), config, event);
      app.services.invalidate();
      send(res, 202, { status: "success", message: "Event processed", dedup_key: dedupKey });
    });
    return true;
  }
  if (path === "/v2/change/enqueue") {
    await intake(req, res, app, parseChangeEvent, async (config, event) => {
      await recordChangeEvent(app.context(null, { cacheLoaders: false }), config, event);
      send(res, 202, { status: "success", message: "Change event processed" });
    });
    return true;
  }
  return false;
};
