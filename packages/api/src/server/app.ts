import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLFormattedError,
  type ValidationRule,
} from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { DataSource } from "typeorm";
import { WebSocketServer } from "ws";
import { Authenticator } from "../modules/admin/authenticate.js";
import type { Viewer } from "../platform/access/viewer.js";
import { Incident } from "../modules/incidents/incident.entity.js";
import { AppError, UnauthenticatedError, formatError } from "../platform/errors.js";
import { EventBus, type LiaisonEvent } from "../platform/event-bus.js";
import type { GraphQLContext } from "../platform/graphql/context.js";
import { aliasLimit, depthLimit } from "../platform/graphql/limits.js";
import { liaisonSchema } from "./schema.js";
import { createSharedSubscribe } from "../platform/graphql/shared-subscribe.js";
import {
  DEFAULT_SETTINGS,
  systemClock,
  type AppServices,
  type AppSettings,
  type Clock,
  type ServiceContext,
} from "../platform/context.js";
import { scheduleRoster, type LiaisonRoster } from "../modules/on-call/liaison-roster.js";
import { createLoaders } from "../modules/incidents/loaders.js";
import { StatusPageCache } from "../modules/status-page/status-page.js";
import { PublicResponseCache } from "./public-cache.js";
import { RateLimiter } from "../platform/http/rate-limiter.js";
import { registerTimerHandlers } from "./timer-handlers.js";
import { Timers, type TimerOptions } from "../platform/timers/timers.js";

export interface AppOptions {
  db: DataSource;
  databaseUrl: string;
  clock?: Clock;
  production?: boolean;
  roster?: LiaisonRoster;
  log?: (error: unknown) => void;
  /** Per caller (token, or address when anonymous); answers served from the public cache are free. */
  rateLimit?: { perSecond: number; burst: number } | null;
  /** Durable timers: background workers on by default; tests may run due jobs by hand instead. */
  timers?: Partial<TimerOptions>;
  settings?: Partial<AppSettings>;
}

/** A plain HTTP route beside /graphql; returns false when it does not match. */
export type Route = (req: IncomingMessage, res: ServerResponse, app: App) => Promise<boolean>;

export interface App {
  services: AppServices;
  httpServer: Server;
  authenticate(header: string | undefined): Promise<Viewer | null>;
  context(viewer: Viewer | null, options?: { cacheLoaders: boolean }): ServiceContext;
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new AppError("BAD_USER_INPUT", "The request body is too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}

/** Mirrors Apollo's CSRF rule so a cached answer is never given where Apollo would refuse. */
function passesCsrfCheck(req: IncomingMessage): boolean {
  if (req.headers["x-apollo-operation-name"] || req.headers["apollo-require-preflight"]) return true;
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  return type !== "" && !["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"].includes(type);
}

export async function buildApp(options: AppOptions, routes: Route[] = []): Promise<App> {
  const clock = options.clock ?? systemClock;
  const production = options.production ?? false;
  const log = options.log ?? ((e: unknown) => console.error(e));
  const { db } = options;
  const bus = new EventBus(options.databaseUrl);
  await bus.start();
  const statusPageCache = new StatusPageCache(db);
  const responseCache = new PublicResponseCache(() => clock.now().getTime());
  const authenticator = new Authenticator(db, () => clock.now().getTime());
  const limiter = options.rateLimit
    ? new RateLimiter(options.rateLimit.perSecond, options.rateLimit.burst, () => Date.now())
    : null;

  const timers = new Timers(options.databaseUrl, clock, { workers: true, log, ...options.timers });
  const snapshots = new WeakMap<object, Promise<Incident | undefined>>();
  const services: AppServices = {
    db,
    clock,
    bus,
    roster: options.roster ?? scheduleRoster(),
    timers,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    statusPage: () => statusPageCache.get(),
    incidentSnapshot(event) {
      let snapshot = snapshots.get(event);
      if (!snapshot) {
        snapshot = db
          .getRepository(Incident)
          .findOne({ where: { id: event.incidentId }, relations: { components: true, updates: true, reports: true } })
          .then((incident) => {
            if (!incident) return undefined;
            incident.updates.sort((a, b) => b.sequence - a.sequence);
            return incident;
          });
        snapshots.set(event, snapshot);
      }
      return snapshot;
    },
    invalidate() {
      statusPageCache.invalidate();
      responseCache.clear();
    },
  };
  bus.onReconnect = () => {
    authenticator.forget();
    services.invalidate();
  };
  bus.on((event: LiaisonEvent) => {
    if (event.kind === "tokens-revoked") authenticator.forget();
    if (event.kind === "incident" || event.kind === "status-page") services.invalidate();
  });

  const context = (viewer: Viewer | null, opts = { cacheLoaders: true }): ServiceContext => ({
    ...services,
    viewer,
    loaders: createLoaders(db, { cache: opts.cacheLoaders }),
  });

  registerTimerHandlers(timers, () => context(null, { cacheLoaders: false }));
  await timers.start();

  const schema = await liaisonSchema();
  const validationRules: ValidationRule[] = [depthLimit(), aliasLimit()];
  if (production) validationRules.push(NoSchemaIntrospectionCustomRule);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    validationRules,
    formatError: (formatted, error) => formatError(formatted, error, log),
    plugins: production ? [ApolloServerPluginLandingPageDisabled()] : [],
  });
  await apollo.start();

  const app: App = {
    services,
    httpServer: createServer(),
    authenticate: (header) => authenticator.fromHeader(header),
    context,
    async start(port = 0, host = "127.0.0.1") {
      await new Promise<void>((resolve) => app.httpServer.listen(port, host, resolve));
      const address = app.httpServer.address() as AddressInfo;
      const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      return `http://${shownHost}:${address.port}`;
    },
    async stop() {
      await wsCleanup.dispose();
      wss.close();
      app.httpServer.closeAllConnections();
      await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
      await apollo.stop();
      await timers.stop();
      await bus.stop();
    },
  };

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL) {
    const text = req.method === "POST" ? await readBody(req) : "";
    const anonymous = !req.headers.authorization;
    let cacheKey: string | null = null;
    if (anonymous && passesCsrfCheck(req)) {
      const query = req.method === "GET" ? url.searchParams.get("query") : safeQueryOf(text);
      if (query && responseCache.isCacheableQuery(query)) {
        cacheKey = `${req.method} ${req.method === "GET" ? url.search : text}`;
        const hit = responseCache.get(cacheKey);
        if (hit) {
          res.writeHead(hit.status, { "content-type": hit.contentType, "x-liaison-cache": "hit" });
          res.end(hit.body);
          return;
        }
      }
    }
    const generation = responseCache.begin();
    let viewer: Viewer | null;
    try {
      viewer = await authenticator.fromHeader(req.headers.authorization);
    } catch (error) {
      const e = error instanceof AppError ? error : new UnauthenticatedError();
      sendJson(
        res,
        401,
        { errors: [{ message: e.message, extensions: { code: e.code } }] },
        {
          "www-authenticate": "Bearer",
        },
      );
      return;
    }
    const wait = limiter?.take(viewer ? `user:${viewer.userId}` : `ip:${req.socket.remoteAddress ?? "?"}`) ?? 0;
    if (wait > 0) {
      sendJson(
        res,
        429,
        {
          errors: [
            {
              message: `Too many requests; retry in ${wait} s`,
              extensions: { code: "RATE_LIMITED", retryAfter: wait },
            },
          ],
        },
        { "retry-after": String(wait) },
      );
      return;
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
      context: async () => ({ viewer, services: context(viewer) }),
    });
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.statusCode = response.status ?? 200;
    for (const [key, value] of Object.entries(outHeaders)) res.setHeader(key, value);
    if (response.body.kind === "complete") {
      const status = response.status ?? 200;
      if (cacheKey && status === 200 && !response.body.string.includes('"errors"'))
        responseCache.store(cacheKey, generation, {
          status,
          contentType: outHeaders["content-type"] ?? "application/json",
          body: response.body.string,
        });
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  app.httpServer.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const handle = async () => {
      if (url.pathname === "/healthz") {
        await db.query("SELECT 1");
        sendJson(res, 200, { status: "ok" });
        return;
      }
      if (url.pathname === "/graphql") return handleGraphQL(req, res, url);
      for (const route of routes) if (await route(req, res, app)) return;
      sendJson(res, 404, { error: "Not found" });
    };
    handle().catch((error: unknown) => {
      if (error instanceof AppError) {
        if (!res.headersSent)
          sendJson(res, 400, { errors: [{ message: error.message, extensions: { code: error.code } }] });
        return;
      }
      log(error);
      if (!res.headersSent) sendJson(res, url.pathname === "/healthz" ? 503 : 500, { error: "Internal server error" });
      else res.end();
    });
  });

  // graphql-ws on the same port and path; the same limits and error mapping as HTTP.
  const wss = new WebSocketServer({ server: app.httpServer, path: "/graphql" });
  const wsRules = [...specifiedRules, ...validationRules];
  const mapErrors = (errors: readonly GraphQLError[] | readonly GraphQLFormattedError[]) =>
    errors.map((e) => {
      const formatted = formatError(e instanceof GraphQLError ? e.toJSON() : e, e, log);
      return production ? { ...formatted, message: formatted.message.replace(/ Did you mean .*$/, "") } : formatted;
    });
  const wsCleanup = useServer<{ authorization?: string }, { viewer?: Viewer | null }>(
    {
      schema,
      subscribe: createSharedSubscribe(),
      async onConnect(ctx) {
        const auth = ctx.connectionParams?.authorization;
        try {
          ctx.extra.viewer = await authenticator.fromHeader(
            typeof auth === "string" ? (auth.startsWith("Bearer") ? auth : `Bearer ${auth}`) : null,
          );
          return true;
        } catch {
          return false;
        }
      },
      context: (ctx) => {
        const viewer = ctx.extra.viewer ?? null;
        return { viewer, services: context(viewer, { cacheLoaders: false }) } satisfies GraphQLContext;
      },
      onSubscribe(_ctx, _id, payload) {
        // Parse and validation failures are the caller's: BAD_USER_INPUT, as over HTTP.
        const badInput = (errors: readonly GraphQLError[]) =>
          errors.map(
            (e) =>
              new GraphQLError(production ? e.message.replace(/ Did you mean .*$/, "") : e.message, {
                extensions: { code: "BAD_USER_INPUT" },
              }),
          );
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return badInput([error as GraphQLError]);
        }
        const errors = validate(schema, document, wsRules);
        return errors.length > 0 ? badInput(errors) : undefined;
      },
      onNext(_ctx, _id, _payload, _args, result) {
        const r = result as ExecutionResult;
        if (!r.errors?.length) return result;
        return { ...r, errors: mapErrors(r.errors) } as unknown as ExecutionResult;
      },
      onError(_ctx, _id, _payload, errors) {
        return mapErrors(errors).map((e) => new GraphQLError(e.message, { extensions: e.extensions }));
      },
    },
    wss,
  );

  return app;
}

function safeQueryOf(text: string): string | null {
  try {
    const body = JSON.parse(text) as { query?: unknown };
    return typeof body.query === "string" ? body.query : null;
  } catch {
    return null;
  }
}
