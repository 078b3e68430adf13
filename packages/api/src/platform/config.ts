import { z } from "zod";
import { DEFAULT_EDGE_LIMITS } from "./graphql/limits.js";

/** Used only outside production, so a development database's secrets survive restarts. */
const DEVELOPMENT_SECRETS_KEY = "bGlhaXNvbi1kZXZlbG9wbWVudC1zZWNyZXRzLWtleSE=";

const NodeEnv = z.enum(["development", "production", "test"]).default("development");
const SecretsKey = z
  .string()
  .refine(
    (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32,
    "SECRETS_KEY must be 32 random bytes, base64-encoded (e.g. from `openssl rand -base64 32`)",
  )
  .optional();

function requireSecretsKeyInProduction(
  env: { NODE_ENV: string; SECRETS_KEY?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (env.NODE_ENV === "production" && env.SECRETS_KEY === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["SECRETS_KEY"],
      message:
        "SECRETS_KEY is required when NODE_ENV=production: set it to 32 random bytes, base64-encoded (e.g. from `openssl rand -base64 32`)",
    });
}

export function developmentSecretsKey(): Buffer {
  return Buffer.from(DEVELOPMENT_SECRETS_KEY, "base64");
}

function decodeSecretsKey<T extends { SECRETS_KEY?: string | undefined }>(env: T) {
  return { ...env, SECRETS_KEY: env.SECRETS_KEY ? Buffer.from(env.SECRETS_KEY, "base64") : developmentSecretsKey() };
}

// The only place that reads process.env: parsed once, fails fast and readably.
const Env = z
  .object({
    NODE_ENV: NodeEnv,
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
    /** The GraphiQL IDE at GET /graphql for browsers (true/false); on by default outside production. */
    GRAPHIQL: z.stringbool().optional(),
    /** When set, GET /metrics asks for `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    /** pino's levels; stack traces are logged only at debug (and trace). */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** 32 bytes, base64: encrypts secrets stored by the API; required in production. */
    SECRETS_KEY: SecretsKey,
    /** Events API: events a minute per routing key, per API process. */
    EVENTS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    /** The status site's public address, for links in messages (incident pages, confirm and unsubscribe links). */
    STATUS_SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
    /** Where mail goes (smtp://user:pass@host:587, smtps://…:465); unset: `pnpm start` runs a local mail catcher. */
    SMTP_URL: z.url({ protocol: /^smtps?$/, message: "SMTP_URL must be smtp:// or smtps://" }).optional(),
    /** The From of every mail: an address, or `Name <address>`. */
    MAIL_FROM: z.string().min(3).default("Liaison Status <status@localhost>"),
    /** Anonymous `subscribe` calls an hour per client address (at least 30) and per email address. */
    SUBSCRIBE_LIMIT_PER_CLIENT_PER_HOUR: z.coerce.number().int().min(30).default(30),
    SUBSCRIBE_LIMIT_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(5),
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
  })
  .superRefine(requireSecretsKeyInProduction)
  .transform(decodeSecretsKey);
export type Env = z.output<typeof Env>;

/** The environment cannot run the API; the message says what to change, in a sentence or a list. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => {
    const name = i.path.join(".");
    return i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
  });
  throw new ConfigError(
    lines.length === 1 ? `Invalid environment: ${lines[0]}` : `Invalid environment:\n  ${lines.join("\n  ")}`,
  );
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Env {
  return parseEnv(Env, env);
}

const SecretsEnv = z
  .object({ NODE_ENV: NodeEnv, SECRETS_KEY: SecretsKey })
  .superRefine(requireSecretsKeyInProduction)
  .transform(decodeSecretsKey);

/** SECRETS_KEY alone, read as loadConfig reads it: for migrations that encrypt or decrypt stored secrets. */
export function loadSecretsKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  return parseEnv(SecretsEnv, env).SECRETS_KEY;
}
