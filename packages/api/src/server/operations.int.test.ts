import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { QUEUES } from "../platform/timers/queues.js";
import { collect, startTestApi, type TestApi } from "../test/harness.js";
import { hasSeries, parsePrometheus, sample, type Samples } from "../test/prometheus.js";
import { aMember, anAccount, HOUR } from "../test/support-factories.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ timers: { workers: false } });
});
afterAll(() => api?.close());

async function scrape(target: TestApi = api, headers: Record<string, string> = {}): Promise<Samples> {
  const res = await fetch(`${target.url}/metrics`, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return parsePrometheus(await res.text());
}

async function eventually(check: () => Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe("GET /metrics", () => {
  test("counts and times GraphQL requests by operation name and HTTP status", async () => {
    const requests = (operation: string, status = "200") =>
      sample(before, "liaison_graphql_requests_total", { operation, status });
    const before = await scrape();
    const beforeNamed = requests("StatusNow");
    const beforeAnonymous = requests("anonymous");
    const beforeRefused = requests("Me", "401");

    await api.gql("query StatusNow { statusPage { indicator } }", {}, null);
    await api.gql("query StatusNow { statusPage { indicator } }", {}, null); // the public cache answers this one
    await api.gql("{ statusPage { description } }", {}, null);
    await api.gql("query Me { me { role } }", {}, "not-a-token");

    const after = await scrape();
    const now = (operation: string, status = "200") =>
      sample(after, "liaison_graphql_requests_total", { operation, status });
    expect(now("StatusNow") - beforeNamed).toBe(2);
    expect(now("anonymous") - beforeAnonymous).toBe(1);
    expect(now("Me", "401") - beforeRefused).toBe(1);
    expect(
      sample(after, "liaison_graphql_request_duration_seconds_count", { operation: "StatusNow", status: "200" }),
    ).toBe(now("StatusNow"));
    expect(
      sample(after, "liaison_graphql_request_duration_seconds_bucket", {
        operation: "StatusNow",
        status: "200",
        le: "+Inf",
      }),
    ).toBe(now("StatusNow"));
  });

  test("an operation name the document does not contain is counted as anonymous, not as a new label", async () => {
    await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query A { statusPage { indicator } }", operationName: "Invented" }),
    });
    expect(hasSeries(await scrape(), "liaison_graphql_requests_total", { operation: "Invented" })).toBe(false);
  });

  test("the WebSocket gauges follow a client connecting, subscribing and leaving; deliveries are counted", async () => {
    const before = await scrape();
    expect(sample(before, "liaison_websocket_connections")).toBe(0);
    expect(sample(before, "liaison_subscriptions_active")).toBe(0);
    const delivered = sample(before, "liaison_subscription_events_delivered_total");

    const client = api.ws(null);
    const feed = collect<any>(client, "subscription { statusPageChanged { indicator } }");
    await eventually(async () => {
      const now = await scrape();
      expect(sample(now, "liaison_websocket_connections")).toBe(1);
      expect(sample(now, "liaison_subscriptions_active")).toBe(1);
    });
    await api.must(`mutation { createComponent(input: { name: "Metrics API" }) { id } }`);
    await feed.until(1);
    const during = await scrape();
    expect(sample(during, "liaison_subscription_events_delivered_total") - delivered).toBe(1);
    expect(sample(during, "liaison_events_received_total", { kind: "status-page" })).toBeGreaterThanOrEqual(1);

    await client.dispose();
    await eventually(async () => {
      const now = await scrape();
      expect(sample(now, "liaison_websocket_connections")).toBe(0);
      expect(sample(now, "liaison_subscriptions_active")).toBe(0);
    });
  });

  test("job queue depth per queue, and how late timers ran", async () => {
    const empty = await scrape();
    for (const queue of Object.values(QUEUES))
      for (const state of ["due", "scheduled", "active"])
        expect(hasSeries(empty, "liaison_job_queue_depth", { queue, state }), `${queue} ${state}`).toBe(true);
    const scheduledBefore = sample(empty, "liaison_job_queue_depth", { queue: QUEUES.sla, state: "scheduled" });
    const ranBefore = sample(empty, "liaison_timer_lateness_seconds_count", { queue: QUEUES.sla });

    // A P1 ticket with an owner: its first-response deadline is a durable timer (warnings and the breach).
    const agent = await aMember(api, "SUPPORT_AGENT");
    const account = await anAccount(api);
    await api.must(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`, {
      input: { accountId: account.id, subject: "Cannot log in", priority: "P1", assigneeId: agent.id },
    });
    const queued = await scrape();
    expect(sample(queued, "liaison_job_queue_depth", { queue: QUEUES.sla, state: "scheduled" })).toBeGreaterThan(
      scheduledBefore,
    );

    api.clock.advance(3 * HOUR);
    expect(await api.app.services.timers.runDue()).toBeGreaterThan(0);
    const ran = await scrape();
    expect(sample(ran, "liaison_timer_lateness_seconds_count", { queue: QUEUES.sla })).toBeGreaterThan(ranBefore);
    expect(sample(ran, "liaison_job_queue_depth", { queue: QUEUES.sla, state: "scheduled" })).toBe(scheduledBefore);
  });

  test("the database pool and the event bus are visible", async () => {
    const now = await scrape();
    expect(sample(now, "liaison_db_pool_max")).toBe(30);
    expect(sample(now, "liaison_db_pool_connections", { state: "total" })).toBeGreaterThan(0);
    expect(hasSeries(now, "liaison_db_pool_waiting")).toBe(true);
    expect(sample(now, "liaison_event_bus_connected")).toBe(1);
    expect(hasSeries(now, "process_resident_memory_bytes")).toBe(true);
  });

  test("with a metrics token, only its bearer may scrape", async () => {
    const guarded = await startTestApi({ metricsToken: "metrics-token-0123456789" });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: "Bearer metrics-token-wrong" } });
      expect(wrong.status).toBe(401);
      const samples = await scrape(guarded, { authorization: "Bearer metrics-token-0123456789" });
      expect(hasSeries(samples, "liaison_job_queue_depth")).toBe(true);
    } finally {
      await guarded.close();
    }
  });
});

describe("GET /healthz and /readyz", () => {
  test("ready when the database answers, every migration is applied, timers and events run", async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const res = await fetch(`${api.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "ready",
      checks: { database: "ok", migrations: "ok", timers: "ok (workers off)", events: "ok" },
    });
  });

  test("not ready while a migration this code knows is missing from the database", async () => {
    const [latest] = await api.sql<{ id: number; timestamp: string; name: string }>(
      "SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1",
    );
    await api.sql("DELETE FROM migrations WHERE id = $1", [latest!.id]);
    try {
      const res = await fetch(`${api.url}/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; checks: { migrations: string } };
      expect(body.status).toBe("not ready");
      expect(body.checks.migrations).toBe(`1 pending: ${latest!.name}`);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    } finally {
      await api.sql("INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)", [
        latest!.id,
        latest!.timestamp,
        latest!.name,
      ]);
    }
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
  });
});
