import { z } from "zod";
import { DEFAULT_EDGE_LIMITS } from "./graphql/limits.js";

// The only place that reads process.env: parsed once, fails fast and readably.
const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.url().optional(),
  ADMIN_TOKEN: z.string().min(16, "ADMIN_TOKEN must be at least 16 characters").optional(),
  LIAISON_DATA_DIR: z.string().optional(),
  SITE_PORT: z.coerce.number().int().min(1).max(65535).default(4321),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Requests per second per caller (0: no limit); defaults to 50 in production, off elsewhere. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).optional(),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200),
  /** An operation counts against the rate limit as one request per this much cost (at most RATE_LIMIT_BURST). */
  RATE_LIMIT_COST_PER_REQUEST: z.coerce.number().int().min(1).default(1_000),
  /** The most one operation may cost (lists weigh by their `first`/`days`): anonymous and signed-in callers. */
  QUERY_COST_ANONYMOUS: z.coerce.number().int().min(1).default(DEFAULT_EDGE_LIMITS.costAnonymous),
  QUERY_COST_SIGNED_IN: z.coerce.number().int().min(1).default(DEFAULT_EDGE_LIMITS.costSignedIn),
  /** WebSocket: largest message, connections per client address (per process), subscriptions per connection. */
  WS_MAX_MESSAGE_BYTES: z.coerce.number().int().min(1_024).default(DEFAULT_EDGE_LIMITS.wsMaxPayloadBytes),
  WS_MAX_CONNECTIONS_PER_CLIENT: z.coerce.number().int().min(1).default(DEFAULT_EDGE_LIMITS.wsConnectionsPerClient),
  WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_EDGE_LIMITS.wsSubscriptionsPerConnection),
  WS_MAX_ANONYMOUS_SUBSCRIPTIONS_PER_CONNECTION: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_EDGE_LIMITS.wsAnonymousSubscriptionsPerConnection),
  WS_INIT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_EDGE_LIMITS.wsInitTimeoutMs),
  LOG_LEVEL: z.enum(["silent", "error", "info", "debug"]).default("info"),
  /** Events API: events a minute per routing key, per API process. */
  EVENTS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Comma-separated hosts (e.g. 127.0.0.1) that webhooks may target although private or loopback. */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((s) =>
      s
        .split(",")
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    ),
});
export type Env = z.infer<typeof Env>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
