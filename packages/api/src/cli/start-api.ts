import type { Env } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";
import { createDataSource, migrate } from "../server/database.js";
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedDatabase } from "../platform/db/embedded.js";
import { buildApp, type App } from "../server/app.js";
import { routes } from "../server/routes.js";
import { ensureAdminToken } from "../modules/admin/index.js";

export interface RunningApi {
  app: App;
  url: string;
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  stop(): Promise<void>;
}

/** Database (DATABASE_URL, or embedded PostgreSQL), migrations, admin token, HTTP + WebSocket. */
export async function startApi(config: Env, log: Logger): Promise<RunningApi> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = config.LIAISON_DATA_DIR ?? defaultDataDir();
    log.info({ dataDir }, "no DATABASE_URL: starting embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.EMBEDDED_PG_PORT,
      persistent: true,
      log: (line) => log.warn(`embedded PostgreSQL: ${line}`),
    });
    databaseUrl = embedded.url;
  }
  const db = createDataSource(databaseUrl);
  await db.initialize();
  await migrate(db);
  if (config.ADMIN_TOKEN) await ensureAdminToken(db, config.ADMIN_TOKEN);
  const production = config.NODE_ENV === "production";
  const perSecond = config.RATE_LIMIT_PER_SECOND ?? (production ? 50 : 0);
  const rateLimit =
    perSecond > 0
      ? { perSecond, burst: config.RATE_LIMIT_BURST, costPerRequest: config.RATE_LIMIT_COST_PER_REQUEST }
      : null;
  const app = await buildApp(
    {
      db,
      databaseUrl,
      production,
      log,
      secretsKey: config.SECRETS_KEY,
      rateLimit,
      graphiql: config.GRAPHIQL ?? !production,
      metricsToken: config.METRICS_TOKEN ?? null,
      limits: {
        costAnonymous: config.QUERY_COST_ANONYMOUS,
        costSignedIn: config.QUERY_COST_SIGNED_IN,
        wsMaxPayloadBytes: config.WS_MAX_MESSAGE_BYTES,
        wsConnectionsPerClient: config.WS_MAX_CONNECTIONS_PER_CLIENT,
        wsSubscriptionsPerConnection: config.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
        wsAnonymousSubscriptionsPerConnection: config.WS_MAX_ANONYMOUS_SUBSCRIPTIONS_PER_CONNECTION,
        wsInitTimeoutMs: config.WS_INIT_TIMEOUT_MS,
      },
      settings: {
        eventsRateLimitPerMinute: config.EVENTS_RATE_LIMIT_PER_MINUTE,
        webhookAllowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
      },
    },
    routes,
  );
  const url = await app.start(config.PORT, config.HOST);
  return {
    app,
    url,
    databaseUrl,
    embedded,
    async stop() {
      await app.stop();
      await db.destroy();
      await embedded?.stop();
    },
  };
}
