import type { Socket } from "node:net";
import type { Env } from "../platform/config.js";
import type { Logger } from "../platform/logger.js";
import { createDataSource, migrate } from "../server/database.js";
import {
  defaultDataDir,
  EmbeddedPostgresError,
  spawnTethered,
  startEmbeddedPostgres,
  stopProcess,
  type EmbeddedDatabase,
} from "../platform/db/embedded.js";
import { buildApp, type App } from "../server/app.js";
import { routes } from "../server/routes.js";
import { ensureAdminToken } from "../modules/admin/index.js";

export interface RunningApi {
  app: App;
  url: string;
  databaseUrl: string;
  embedded: EmbeddedDatabase | null;
  /** Drains HTTP, stops the job workers, closes WebSockets (1001), the pool, then the embedded database. */
  stop(report?: (line: string) => void): Promise<void>;
}

export { spawnTethered, stopProcess };

const DRAIN_MS = 10_000;

/** Database (DATABASE_URL, or embedded PostgreSQL), migrations, admin token, HTTP + WebSocket. */
/** What `pnpm start` adds: its local mail catcher's address, the status site it runs. */
export interface StartOptions {
  smtpUrl?: string;
  statusSiteUrl?: string;
}

export async function startApi(config: Env, log: Logger, options: StartOptions = {}): Promise<RunningApi> {
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = config.LIAISON_DATA_DIR ?? defaultDataDir();
    log.info({ dataDir }, "no DATABASE_URL: starting embedded PostgreSQL");
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: config.EMBEDDED_PG_PORT,
      persistent: true,
      settings: { port: "EMBEDDED_PG_PORT", dataDir: "LIAISON_DATA_DIR", server: "DATABASE_URL" },
    });
    databaseUrl = embedded.url;
  }
  const db = createDataSource(databaseUrl);
  const signalListeners = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  let app: App;
  try {
    await db.initialize();
    await migrate(db);
    if (config.ADMIN_TOKEN) await ensureAdminToken(db, config.ADMIN_TOKEN);
    const production = config.NODE_ENV === "production";
    const perSecond = config.RATE_LIMIT_PER_SECOND ?? (production ? 50 : 0);
    const rateLimit =
      perSecond > 0
        ? { perSecond, burst: config.RATE_LIMIT_BURST, costPerRequest: config.RATE_LIMIT_COST_PER_REQUEST }
        : null;
    app = await buildApp(
      {
        db,
        databaseUrl,
        production,
        log,
        secretsKey: config.SECRETS_KEY,
        rateLimit,
        graphiql: config.GRAPHIQL ?? !production,
        metricsToken: config.METRICS_TOKEN ?? null,
        mail: { smtpUrl: options.smtpUrl ?? config.SMTP_URL ?? null, from: config.MAIL_FROM },
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
          statusSiteUrl: (
            config.STATUS_SITE_URL ??
            options.statusSiteUrl ??
            `http://localhost:${config.SITE_PORT}`
          ).replace(/\/+$/, ""),
          subscribeLimits: {
            perClientPerHour: config.SUBSCRIBE_LIMIT_PER_CLIENT_PER_HOUR,
            perEmailPerHour: config.SUBSCRIBE_LIMIT_PER_EMAIL_PER_HOUR,
          },
        },
      },
      routes,
    );
    // Apollo Server stops itself on SIGINT/SIGTERM and raises the signal again; we stop it in order.
    for (const [signal, before] of Object.entries(signalListeners))
      for (const listener of process.listeners(signal as NodeJS.Signals))
        if (!before.includes(listener)) process.off(signal, listener);
  } catch (error) {
    if (db.isInitialized) await db.destroy().catch(() => {});
    await embedded?.stop();
    throw error;
  }
  const inFlight = new Set<object>();
  app.httpServer.on("request", (req, res) => {
    inFlight.add(req);
    res.once("close", () => inFlight.delete(req));
  });
  const webSockets = new Set<Socket>();
  app.httpServer.on("upgrade", (_req, socket: Socket) => {
    webSockets.add(socket);
    socket.once("close", () => webSockets.delete(socket));
  });
  const url = await app.start(config.PORT, config.HOST);
  let stopped: Promise<void> | null = null;
  return {
    app,
    url,
    databaseUrl,
    embedded,
    stop(report = () => {}) {
      stopped ??= (async () => {
        // While stopping, the pool's and the workers' complaints about closing connections are expected.
        log.level = "fatal";
        app.httpServer.close();
        app.httpServer.closeIdleConnections();
        const waiting = inFlight.size;
        const deadline = Date.now() + DRAIN_MS;
        while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        report(
          `HTTP drained (${waiting} request${waiting === 1 ? "" : "s"} in flight${inFlight.size ? `, ${inFlight.size} cut off` : ""})`,
        );
        await app.services.timers.stop();
        report("Job workers stopped");
        const clients = webSockets.size;
        await app.stop();
        report(`WebSockets closed with 1001 (${clients} client${clients === 1 ? "" : "s"})`);
        await db.destroy();
        report("Database connections closed");
        if (embedded) {
          await embedded.stop();
          report("Embedded PostgreSQL stopped");
        }
      })();
      return stopped;
    },
  };
}

/**
 * Runs `stop` once on the first SIGINT or SIGTERM, then exits; a second signal exits at once.
 * Installed before anything starts, so an early Ctrl+C leaves nothing running (see embedded.ts).
 */
export function stopOnSignals(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => {
      if (stopping) {
        console.log("Stopping at once.");
        process.exit(1);
      }
      stopping = true;
      stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(`Could not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
    });
}

/** Prints a start-up failure the user can act on as its one sentence, anything else in full; exits. */
export function exitOnStartFailure(error: unknown): never {
  console.error(error instanceof EmbeddedPostgresError ? error.message : error);
  process.exit(1);
}
