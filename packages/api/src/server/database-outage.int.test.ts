import pg from "pg";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Client } from "graphql-ws";
import { collect, startTestApi, type TestApi } from "../test/harness.js";

let api: TestApi;
let admin: pg.Client;
let dbName: string;
beforeAll(async () => {
  api = await startTestApi();
  const url = new URL(api.databaseUrl);
  dbName = url.pathname.slice(1);
  url.pathname = "/postgres";
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
});
afterAll(async () => {
  await admin?.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => {});
  await admin?.end();
  await api?.close();
});

/** This test's own database refuses connections and loses the ones it had: an outage, server untouched. */
async function cutDatabase() {
  await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [dbName]);
}
async function restoreDatabase() {
  await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
}

const INCIDENTS = `{ incidents(first: 5) { edges { node { id } } } }`;
const CREATE = `mutation($input: CreateComponentInput!) { createComponent(input: $input) { id } }`;

async function post(query: string, variables: Record<string, unknown> = {}, token: string | null = api.adminToken) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body };
}

function wsQuery(client: Client, query: string) {
  return new Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>((resolve) => {
    let result: { data?: unknown; errors?: { extensions?: { code?: string } }[] } = {};
    client.subscribe(
      { query },
      {
        next: (value) => (result = value as typeof result),
        error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ extensions: { code: String(error) } }] }),
        complete: () => resolve(result),
      },
    );
  });
}

/** Opens a graphql-ws socket with `token` and resolves with the code it is closed with. */
function connectionInitClose(token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(api.wsUrl, "graphql-transport-ws");
    socket.on("open", () =>
      socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on("close", (code) => resolve(code));
    socket.on("error", reject);
  });
}

describe("a database outage", () => {
  test("is SERVICE_UNAVAILABLE (503, Retry-After) everywhere, never INTERNAL, and the API recovers by itself", async () => {
    const socket = api.ws();
    expect((await post(INCIDENTS)).status).toBe(200);
    expect(await wsQuery(socket, INCIDENTS)).not.toHaveProperty("errors");

    await cutDatabase();
    try {
      const read = await post(INCIDENTS);
      expect(read.status).toBe(503);
      expect(read.retryAfter).toMatch(/^\d+$/);
      expect(read.body.errors?.[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");

      const write = await post(CREATE, { input: { name: "During the outage" } });
      expect(write.status).toBe(503);
      expect(write.body.errors?.[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");

      // A token never seen before must be checked against the database: that is unavailable too, not UNAUTHENTICATED.
      const unknownToken = await post(INCIDENTS, {}, "never-seen-token-0123456789");
      expect(unknownToken.status).toBe(503);
      expect(unknownToken.body.errors?.[0]?.extensions.code).toBe("SERVICE_UNAVAILABLE");

      const health = await fetch(`${api.url}/healthz`);
      expect(health.status).toBe(503);
      expect(health.headers.get("retry-after")).toMatch(/^\d+$/);

      const overWs = await wsQuery(socket, INCIDENTS);
      expect(overWs.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      // A new socket whose token cannot be checked is told to try again later (1013), not that it is forbidden.
      expect(await connectionInitClose("never-seen-token-0123456789")).toBe(1013);

      const event = await fetch(`${api.url}/v2/enqueue`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          routing_key: "r".repeat(32),
          event_action: "trigger",
          payload: { summary: "Disk full", source: "db-1", severity: "critical" },
        }),
      });
      expect(event.status).toBe(503);
      expect(event.headers.get("retry-after")).toMatch(/^\d+$/);

      // Under load, every answer says the same: a client can tell "retry later" from a bug.
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) => post(i % 2 ? INCIDENTS : CREATE, { input: { name: `c${i}` } })),
      );
      const codes = new Set(burst.flatMap((r) => (r.body.errors ?? []).map((e) => e.extensions.code)));
      expect([...codes]).toEqual(["SERVICE_UNAVAILABLE"]);
      expect(new Set(burst.map((r) => r.status))).toEqual(new Set([503]));
    } finally {
      await restoreDatabase();
    }

    // No restart: the same process answers again once the database is back.
    const deadline = Date.now() + 15_000;
    while ((await fetch(`${api.url}/healthz`)).status !== 200) {
      if (Date.now() > deadline) throw new Error("the API did not recover");
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = await post(INCIDENTS);
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    const created = await post(CREATE, { input: { name: "After the outage" } });
    expect(created.body.errors).toBeUndefined();

    // Subscribers hear of changes again once the event bus has reconnected.
    const sub = collect<any>(api.ws(), `subscription { statusPageChanged { components { name } } }`);
    await sub.started;
    const heard = Date.now() + 20_000;
    let n = 0;
    while (sub.received.length === 0) {
      if (Date.now() > heard) throw new Error("no status page event after the outage");
      await post(CREATE, { input: { name: `Heard ${n++}` } });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(JSON.stringify(sub.received[0])).toContain("Heard");
  });
});
