import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { NoSchemaIntrospectionCustomRule, type ValidationRule } from "graphql";
import type { DataSource } from "typeorm";
import { Authenticator } from "../modules/admin/index.js";
import { scheduleRoster } from "../modules/on-call/index.js";
import { notifier } from "../modules/notifications/index.js";
import type { Viewer } from "../platform/access/viewer.js";
import type { Notifier } from "../platform/notifier.js";
import {
  DEFAULT_SETTINGS,
  Scope,
  systemClock,
  type AppServices,
  type AppSettings,
  type Clock,
  type LiaisonRoster,
  type Random,
  type ServiceContext,
} from "../platform/context.js";
import { developmentSecretsKey } from "../platform/config.js";
import {
  AppError,
  RETRY_AFTER_SECONDS,
  ServiceUnavailableError,
  formatError,
  isUnavailable,
} from "../platform/errors.js";
import { EventBus, type LiaisonEvent } from "../platform/event-bus.js";
import type { GraphQLContext } from "../platform/graphql/context.js";
import { costLimitPlugin } from "../platform/graphql/cost.js";
import { DEFAULT_EDGE_LIMITS, MAX_TOKENS, shapeLimits, type EdgeLimits } from "../platform/graphql/limits.js";
import { createLogger, requestIdFrom, withRequestId, type Logger } from "../platform/logger.js";
import { SecretBox } from "../platform/secrets.js";
import { createMailer } from "../platform/mail.js";
import type { MailCatcher } from "../platform/mail-catcher.js";
import { devMail } from "./dev-mail.js";
import { endPipelinedPool } from "../platform/db/pipelined.js";
import { answerUnreadBody, isQuiet, sendJson, type Route } from "../platform/http/http.js";
import { serviceUnavailablePlugin } from "../platform/graphql/unavailable-plugin.js";
import { CallerRateLimit, type RateLimitOptions } from "../platform/http/rate-limiter.js";
import { Timers, type TimerOptions } from "../platform/timers/timers.js";
import { graphiql, wantsHtml } from "./graphiql.js";
import { graphqlOverHttp } from "./graphql-http.js";
import { readiness } from "./health.js";
import { Metrics } from "./metrics.js";
import { PublicResponseCache } from "./public-cache.js";
import { liaisonSchema } from "./schema.js";
import { registerTimerHandlers } from "./timer-handlers.js";
import { graphqlOverWebSocket } from "./websocket.js";

export type { Route } from "../platform/http/http.js";

export interface AppOptions {
  db: DataSource;
  databaseUrl: string;
  clock?: Clock;
  random?: Random;
  production?: boolean;
  roster?: LiaisonRoster;
  /** The notifications module's by default; tests may record what is announced instead. */
  notifier?: Notifier;
  /** The process's logger (JSON lines on stdout at info by default). */
  log?: Logger;
  /** SECRETS_KEY: encrypts webhook signing secrets at rest; the development key by default. */
  secretsKey?: Buffer;
  /**
   * Per caller (user, or address when anonymous), over HTTP and WebSocket, shared by every process on the
   * database; answers served from the public cache are free.
   */
  rateLimit?: RateLimitOptions | null;
  /** Cost budgets and WebSocket caps (defaults in platform/graphql/limits.ts). */
  limits?: Partial<EdgeLimits>;
  /** Durable timers: background workers on by default; tests may run due jobs by hand instead. */
  timers?: Partial<TimerOptions>;
  settings?: Partial<AppSettings>;
  /** The GraphiQL IDE at GET /graphql for browsers; defaults to on outside production. */
  graphiql?: boolean;
  /** Outbound mail: SMTP_URL and MAIL_FROM (no SMTP server: mail waits, pending). */
  mail?: { smtpUrl: string | null; from?: string };
  /** Shared with the status site: lets it forward a visitor's address (X-Forwarded-For) for per-client limits. */
  forwardingSecret?: string | null;
  /** `pnpm start`'s local mail catcher: GET /dev/mail lists what it caught (never in production). */
  mailCatcher?: MailCatcher;
  /** When set, GET /metrics answers only `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string | null;
}

export interface App {
  services: AppServices;
  metrics: Metrics;
  httpServer: Server;
  authenticate(header: string | undefined): Promise<Viewer | null>;
  context(viewer: Viewer | null, options?: { cacheLoaders: boolean }): ServiceContext;
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** The process's services: clock, database, event bus, timers and the ports modules talk through. */
function createServices(
  options: AppOptions,
  log: Logger,
  bus: EventBus,
  timers: Timers,
  onInvalidate: () => void,
  onRevoked: () => void,
): AppServices {
  const services: AppServices = {
    db: options.db,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    log,
    secrets: new SecretBox(options.secretsKey ?? developmentSecretsKey()),
    bus,
    timers,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    mailer: createMailer({
      smtpUrl: options.mail?.smtpUrl ?? null,
      from: options.mail?.from ?? "Liaison Status <status@localhost>",
    }),
    notifier: options.notifier ?? notifier,
    roster: options.roster ?? scheduleRoster(),
    caches: new Scope(),
    invalidate() {
      services.caches.invalidate();
      onInvalidate();
    },
    forgetCredentials: onRevoked,
  };
  return services;
}

/** An error as GraphQL's `errors` list carries it, for answers given outside Apollo. */
function errorBody(error: AppError) {
  const { http: _http, ...details } = error.details;
  return { message: error.message, extensions: { ...details, code: error.code } };
}

export async function buildApp(options: AppOptions, routes: Route[] = []): Promise<App> {
  const clock = options.clock ?? systemClock;
  const production = options.production ?? false;
  const log = options.log ?? createLogger({ level: "info" });
  const logError = (message: string) => (err: unknown) => log.error({ err }, message);
  const { db } = options;
  const bus = new EventBus(options.databaseUrl, log);
  await bus.start();
  const responseCache = new PublicResponseCache(() => clock.now().getTime());
  const authenticator = new Authenticator(db, () => clock.now().getTime());
  const limits: EdgeLimits = { ...DEFAULT_EDGE_LIMITS, ...options.limits };
  const costBudgets = { anonymous: limits.costAnonymous, signedIn: limits.costSignedIn };
  // Its own small pool: counting requests never waits behind the queries it protects.
  const limiterPool = options.rateLimit ? new pg.Pool({ connectionString: options.databaseUrl, max: 4 }) : null;
  // An idle connection lost in an outage is an 'error' event on the pool: unheard, it would end the process.
  limiterPool?.on("error", (err) => log.warn({ err }, "rate limit connection lost"));
  const limiter = limiterPool && options.rateLimit ? new CallerRateLimit(limiterPool, options.rateLimit) : null;
  const metrics = new Metrics(logError("metrics collection failed"));
  const timers = new Timers(options.databaseUrl, clock, {
    workers: true,
    log,
    onRun: (queue, lateness) => metrics.timerRan(queue, lateness),
    ...options.timers,
  });
  // A local change takes effect in this process at once, not after NOTIFY; so does a local revocation.
  const services = createServices(
    options,
    log,
    bus,
    timers,
    () => responseCache.clear(),
    () => authenticator.forget(),
  );

  // Set once the WebSocket server exists (below): revocations close its sockets.
  let revoked: (revocation: { tokenIds?: string[]; userId?: string }) => Promise<void> = async () => {};
  bus.onReconnect = () => {
    authenticator.forget();
    services.invalidate();
    void revoked({}).catch(logError("re-checking WebSocket tokens failed")); // events may have been missed: re-check every socket's token
  };
  bus.on((event: LiaisonEvent) => {
    if (event.kind === "tokens-revoked") {
      authenticator.forget();
      const { tokenIds, userId } = event;
      void revoked({ ...(tokenIds ? { tokenIds } : {}), ...(userId ? { userId } : {}) }).catch(
        logError("closing revoked WebSocket connections failed"),
      );
    }
    if (event.kind === "incident" || event.kind === "status-page") services.invalidate();
  });

  const context = (viewer: Viewer | null, opts = { cacheLoaders: true }): ServiceContext => ({
    ...services,
    viewer,
    request: { scope: new Scope(), cache: opts.cacheLoaders },
  });

  registerTimerHandlers(timers, () => context(null, { cacheLoaders: false }));
  await timers.start();

  const schema = await liaisonSchema();
  const validationRules: ValidationRule[] = shapeLimits();
  if (production) validationRules.push(NoSchemaIntrospectionCustomRule);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    formatError: (formatted, error) => formatError(formatted, error, logError("GraphQL operation failed")),
    logger: log,
    // The IDE is ours (served below, from our own dependencies): no landing page from a CDN.
    plugins: [
      costLimitPlugin(schema, costBudgets, limiter),
      serviceUnavailablePlugin(),
      ApolloServerPluginLandingPageDisabled(),
      // No @cacheControl hints here (HTTP caching is ours: public-cache.ts); without this plugin Apollo
      // no longer wraps every field's resolver to collect them, a third of a large answer's time.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  const authenticate = (header: string | undefined | null) => authenticator.fromHeader(header ?? undefined);
  const handleGraphQL = graphqlOverHttp({
    apollo,
    responseCache,
    limiter,
    authenticate,
    forwardingSecret: options.forwardingSecret ?? null,
    context: (v) => context(v),
    onBody: (res, text) => metrics.bodyRead(res, text),
  });
  const ide = (options.graphiql ?? !production) ? graphiql(schema) : null;
  const httpServer = createServer();
  const ws = graphqlOverWebSocket(httpServer, {
    schema,
    validationRules,
    production,
    log: logError("GraphQL operation over WebSocket failed"),
    logger: log,
    onSlowReader: () => metrics.slowReaderClosed(),
    identify: (header, opts) => authenticator.identify(header, opts),
    context: (viewer) => context(viewer, { cacheLoaders: false }),
    subscriptions: metrics.subscriptions,
    limiter,
    costBudgets,
    limits,
  });
  metrics.attach({
    db,
    timers,
    bus,
    websocketConnections: () => ws.wss.clients.size,
    websocketBufferedBytes: () => {
      let bytes = 0;
      for (const socket of ws.wss.clients) bytes += socket.bufferedAmount;
      return bytes;
    },
  });
  revoked = (revocation) => ws.revoked(revocation);

  const app: App = {
    services,
    metrics,
    httpServer,
    authenticate,
    context,
    async start(port = 0, host = "127.0.0.1") {
      await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
      const address = httpServer.address() as AddressInfo;
      const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      return `http://${shownHost}:${address.port}`;
    },
    async stop() {
      await ws.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await apollo.stop();
      await timers.stop();
      services.mailer.close();
      await bus.stop();
      await limiterPool?.end();
      await endPipelinedPool(db);
    },
  };

  httpServer.on("request", (req, res) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    withRequestId(requestId, () => serve(req, res, requestId));
  });

  function serve(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const started = performance.now();
    res.once("finish", () => {
      // Health checks come every few seconds from load balancers: only at debug.
      const level = url.pathname === "/healthz" || isQuiet(res) ? "debug" : "info";
      const ms = Math.round(performance.now() - started);
      log[level]({ requestId, method: req.method, path: url.pathname, status: res.statusCode, ms }, "request");
    });
    const handle = async () => {
      if (url.pathname === "/healthz") {
        await db.query("SELECT 1");
        sendJson(res, 200, { status: "ok" });
        return;
      }
      if (url.pathname === "/readyz") {
        const { ready, checks } = await readiness({ db, timers, bus });
        sendJson(
          res,
          ready ? 200 : 503,
          { status: ready ? "ready" : "not ready", checks },
          { "cache-control": "no-store" },
        );
        return;
      }
      if (url.pathname === "/metrics" && req.method === "GET")
        return metrics.serve(req, res, options.metricsToken ?? null);
      if (url.pathname === "/graphql") {
        if (ide && wantsHtml(req)) return ide.page(req, res);
        metrics.trackGraphQL(req, res, url);
        return handleGraphQL(req, res, url);
      }
      if (ide && (await ide.asset(req, res, url.pathname))) return;
      if (options.mailCatcher && !production && devMail(options.mailCatcher, req, res, url)) return;
      for (const route of routes) if (await route(req, res, app)) return;
      sendJson(res, 404, { error: "Not found" });
    };
    handle().catch((error: unknown) => {
      if (res.headersSent) {
        log.error({ err: error }, "request failed");
        res.end();
        return;
      }
      if (isUnavailable(error)) {
        log.warn({ err: error }, "database unavailable");
        const unavailable = new ServiceUnavailableError();
        const headers = { "retry-after": String(RETRY_AFTER_SECONDS) };
        answerUnreadBody(req, res, () =>
          url.pathname === "/healthz"
            ? sendJson(res, 503, { status: "unavailable" }, headers)
            : sendJson(res, 503, { errors: [errorBody(unavailable)] }, headers),
        );
        return;
      }
      if (error instanceof AppError) {
        const status = (error.details["http"] as { status?: number } | undefined)?.status ?? 400;
        answerUnreadBody(req, res, () => sendJson(res, status, { errors: [errorBody(error)] }));
        return;
      }
      log.error({ err: error }, "request failed");
      answerUnreadBody(req, res, () =>
        sendJson(res, url.pathname === "/healthz" ? 503 : 500, { error: "Internal server error" }),
      );
    });
  }

  return app;
}
