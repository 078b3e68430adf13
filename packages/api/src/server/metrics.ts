import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Kind, parse } from "graphql";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { DataSource } from "typeorm";
import type { EventBus, LiaisonEvent } from "../platform/event-bus.js";
import type { SubscriptionObserver } from "../platform/graphql/shared-subscribe.js";
import type { QueueName } from "../platform/timers/queues.js";
import type { Timers } from "../platform/timers/timers.js";

/** Distinct operation names kept as labels; later ones count as "other" so a client cannot flood the series. */
const MAX_OPERATION_LABELS = 100;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const EVENT_KINDS: readonly LiaisonEvent["kind"][] = [
  "incident",
  "status-page",
  "notification",
  "tokens-revoked",
  "custom",
  "ticket",
];

/** What the metrics read on each scrape. */
export interface MetricSources {
  db: DataSource;
  timers: Timers;
  bus: EventBus;
  websocketConnections(): number;
  /** Bytes queued on WebSocket connections and not yet sent, over all of them. */
  websocketBufferedBytes(): number;
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Names the operation of a GraphQL request from its body (POST) or query string (GET): the named
 * operation it selects, or "anonymous". Remembers the answer per query and operation name (not per
 * request text, which differs with every request's variables), so a hot query is parsed once.
 */
class OperationNames {
  private readonly byText = new Map<string, string>();
  private readonly byQuery = new Map<string, string>();
  private readonly labels = new Set<string>();

  of(method: string, search: string, body: string): string {
    // The very same request again (a public page read by many) costs a lookup, not even a JSON parse.
    const text = method === "POST" ? body : search;
    const same = this.byText.get(text);
    if (same !== undefined) return same;
    const name = this.named(method, search, body);
    if (text.length <= 4_096) {
      if (this.byText.size >= 1_000) this.byText.clear();
      this.byText.set(text, name);
    }
    return name;
  }

  private named(method: string, search: string, body: string): string {
    const request = method === "POST" ? fromBody(body) : fromSearch(search);
    if (!request.query) return "anonymous";
    const key = `${request.operationName ?? ""}\n${request.query}`;
    const known = this.byQuery.get(key);
    if (known !== undefined) return known;
    const name = this.label(this.nameIn(request));
    if (key.length <= 4_096) {
      if (this.byQuery.size >= 1_000) this.byQuery.clear();
      this.byQuery.set(key, name);
    }
    return name;
  }

  private nameIn(request: { query: string | null; operationName: string | null }): string {
    if (!request.query) return "anonymous";
    let names: (string | null)[];
    try {
      names = parse(request.query, { noLocation: true })
        .definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
        .map((d) => d.name?.value ?? null);
    } catch {
      return "anonymous";
    }
    if (request.operationName) return names.includes(request.operationName) ? request.operationName : "anonymous";
    return names.length === 1 && names[0] ? names[0] : "anonymous";
  }

  private label(name: string): string {
    if (name === "anonymous" || this.labels.has(name)) return name;
    if (!NAME.test(name) || this.labels.size >= MAX_OPERATION_LABELS) return "other";
    this.labels.add(name);
    return name;
  }
}

function fromBody(text: string): { query: string | null; operationName: string | null } {
  try {
    const body = JSON.parse(text) as { query?: unknown; operationName?: unknown };
    return {
      query: typeof body.query === "string" ? body.query : null,
      operationName: typeof body.operationName === "string" ? body.operationName : null,
    };
  } catch {
    return { query: null, operationName: null };
  }
}

function fromSearch(search: string): { query: string | null; operationName: string | null } {
  const params = new URLSearchParams(search);
  return { query: params.get("query"), operationName: params.get("operationName") };
}

/**
 * One registry per app (tests run several in a process): GraphQL over HTTP by operation and
 * status, WebSocket connections and subscriptions, deliveries, job queues, timer lateness,
 * the database pool and the event bus; plus Node's process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private sources: MetricSources | null = null;
  private readonly operations = new OperationNames();
  private readonly bodies = Symbol("request body");
  private readonly requests: Counter<"operation" | "status">;
  private readonly durations: Histogram<"operation" | "status">;
  private readonly subscriptionsActive: Gauge;
  private readonly delivered: Counter;
  private readonly events: Counter<"kind">;
  private readonly slowReaders: Counter;
  private readonly fanout: Histogram;
  private readonly fanoutSockets: Counter;
  private readonly lateness: Histogram<"queue">;

  constructor(private readonly log: (error: unknown) => void = () => {}) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "liaison_graphql_requests_total",
      help: "GraphQL requests over HTTP by operation name (anonymous when unnamed, other past the label cap) and HTTP status.",
      labelNames: ["operation", "status"],
      registers,
    });
    this.durations = new Histogram({
      name: "liaison_graphql_request_duration_seconds",
      help: "Time from receiving a GraphQL request over HTTP to the end of its response.",
      labelNames: ["operation", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const sources = () => this.sources;
    new Gauge({
      name: "liaison_websocket_connections",
      help: "Open GraphQL WebSocket connections.",
      registers,
      collect() {
        this.set(sources()?.websocketConnections() ?? 0);
      },
    });
    new Gauge({
      name: "liaison_websocket_buffered_bytes",
      help: "Bytes queued on GraphQL WebSocket connections and not yet sent (a socket holding more than WS_MAX_BUFFERED_BYTES is closed).",
      registers,
      collect() {
        this.set(sources()?.websocketBufferedBytes() ?? 0);
      },
    });
    this.fanout = new Histogram({
      name: "liaison_subscription_fanout_seconds",
      help: "Broadcast of one event to the subscribers of a shared subscription: one execution plus a write to each socket.",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.fanoutSockets = new Counter({
      name: "liaison_subscription_fanout_sockets_total",
      help: "Sockets written to by broadcasts (divide liaison_subscription_fanout_seconds_sum by it: time per socket).",
      registers,
    });
    this.slowReaders = new Counter({
      name: "liaison_websocket_slow_readers_closed_total",
      help: "WebSocket connections closed (1013) because they did not read their messages.",
      registers,
    });
    this.subscriptionsActive = new Gauge({
      name: "liaison_subscriptions_active",
      help: "GraphQL subscriptions running over WebSocket.",
      registers,
    });
    this.delivered = new Counter({
      name: "liaison_subscription_events_delivered_total",
      help: "Subscription results handed to subscribers.",
      registers,
    });
    this.events = new Counter({
      name: "liaison_events_received_total",
      help: "Events received from PostgreSQL NOTIFY, by kind.",
      labelNames: ["kind"],
      registers,
    });
    this.lateness = new Histogram({
      name: "liaison_timer_lateness_seconds",
      help: "How long after its due time a durable timer job started to run, by queue.",
      labelNames: ["queue"],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    });
    const report = (error: unknown) => this.log(error);
    // Registered in the order collected: the depth gauge's query also fills the oldest-due gauge after it.
    const oldest: { gauge: Gauge<"queue"> | null } = { gauge: null };
    new Gauge({
      name: "liaison_job_queue_depth",
      help: "Durable timer jobs by queue and state: due (waiting for a worker), scheduled (not due yet), active.",
      labelNames: ["queue", "state"],
      registers,
      async collect() {
        const timers = sources()?.timers;
        this.reset();
        oldest.gauge?.reset();
        if (!timers) return;
        try {
          for (const q of await timers.queueStats()) {
            this.set({ queue: q.queue, state: "due" }, q.due);
            this.set({ queue: q.queue, state: "scheduled" }, q.scheduled);
            this.set({ queue: q.queue, state: "active" }, q.active);
            oldest.gauge?.set({ queue: q.queue }, q.oldestDueSeconds);
          }
        } catch (error) {
          report(error);
        }
      },
    });
    oldest.gauge = new Gauge({
      name: "liaison_job_queue_oldest_due_seconds",
      help: "How long the oldest due job of each queue has waited past its due time.",
      labelNames: ["queue"],
      registers,
    });
    const pool = (): PgPool | null => {
      const driver = sources()?.db.driver as { master?: PgPool } | undefined;
      return driver?.master ?? null;
    };
    new Gauge({
      name: "liaison_db_pool_connections",
      help: "Connections of the process's database pool: total open and idle.",
      labelNames: ["state"],
      registers,
      collect() {
        const p = pool();
        this.set({ state: "total" }, p?.totalCount ?? 0);
        this.set({ state: "idle" }, p?.idleCount ?? 0);
      },
    });
    new Gauge({
      name: "liaison_db_pool_max",
      help: "The most connections the process's database pool opens.",
      registers,
      collect() {
        this.set(pool()?.options?.max ?? 0);
      },
    });
    new Gauge({
      name: "liaison_db_pool_waiting",
      help: "Queries waiting for a free connection of the process's database pool.",
      registers,
      collect() {
        this.set(pool()?.waitingCount ?? 0);
      },
    });
    new Gauge({
      name: "liaison_event_bus_connected",
      help: "1 while the LISTEN connection for events from other processes is up.",
      registers,
      collect() {
        this.set(sources()?.bus.connected() ? 1 : 0);
      },
    });
    for (const kind of EVENT_KINDS) this.events.inc({ kind }, 0);
  }

  slowReaderClosed(): void {
    this.slowReaders.inc();
  }

  attach(sources: MetricSources): void {
    this.sources = sources;
    sources.bus.on((event) => {
      if (EVENT_KINDS.includes(event.kind)) this.events.inc({ kind: event.kind });
    });
  }

  readonly subscriptions: SubscriptionObserver = {
    started: () => this.subscriptionsActive.inc(),
    ended: () => this.subscriptionsActive.dec(),
    delivered: (count = 1) => this.delivered.inc(count),
    fannedOut: (seconds, count) => {
      this.fanout.observe(seconds);
      this.fanoutSockets.inc(count);
    },
  };

  timerRan(queue: QueueName, latenessSeconds: number): void {
    this.lateness.observe({ queue }, latenessSeconds);
  }

  /** Counts and times one GraphQL request over HTTP when its response ends. */
  trackGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const started = process.hrtime.bigint();
    res.once("close", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // A refusal is counted without reading its body: a flood of distinct queries is not parsed here.
      const operation =
        res.statusCode === 429
          ? "rate_limited"
          : this.operations.of(
              req.method ?? "GET",
              url.search,
              (res as ServerResponse & Record<symbol, string | undefined>)[this.bodies] ?? "",
            );
      const labels = { operation, status: String(res.statusCode) };
      this.requests.inc(labels);
      this.durations.observe(labels, seconds);
    });
  }

  /** The GraphQL handler read the request's body. */
  bodyRead(res: ServerResponse, text: string): void {
    // A property rather than a WeakMap entry: set and read once per request, on the hot path.
    (res as ServerResponse & Record<symbol, string | undefined>)[this.bodies] = text;
  }

  /** GET /metrics in Prometheus's text format; with a token configured, only for its bearer. */
  async serve(req: IncomingMessage, res: ServerResponse, token: string | null): Promise<void> {
    if (token && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" });
      res.end("A metrics token is required\n");
      return;
    }
    const text = await this.registry.metrics();
    res.writeHead(200, { "content-type": this.registry.contentType, "cache-control": "no-store" });
    res.end(text);
  }
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1]?.trim() ?? "";
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}
