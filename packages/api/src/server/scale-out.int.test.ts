import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createClient, type Client } from "graphql-ws";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { anAccount, aCustomer, anAlwaysOnCse, minutes, next, plus } from "../test/cse-fixtures.js";
import { collect, createTestDatabase, type GraphQLResponse, type TestApi } from "../test/harness.js";

// [scale-out] Two API processes (the built dist/main.js, as deployed) and two status-site processes on one
// PostgreSQL: events, caps, timers and notifications are exact across processes, and one API process
// killed with SIGKILL leaves the other serving. (`pnpm test` builds dist/ first.)
const MAIN = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const SITE = fileURLToPath(new URL("../../../status-site/dist/server/entry.mjs", import.meta.url));
const ADMIN_TOKEN = "scale-out-admin-token-0123456789";

interface Running {
  url: string;
  child: ChildProcess;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sql: pg.Client;
const children: ChildProcess[] = [];
const clients: Client[] = [];
let a: Running; // API process A
let b: Running; // API process B
let siteA: Running; // reads A
let siteB: Running; // reads B

function spawnReady(
  entry: string,
  env: Record<string, string>,
  ready: (output: string) => string | null,
): Promise<Running> {
  expect(existsSync(entry), `${entry} is missing: run \`pnpm build\``).toBe(true);
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env["PATH"] ?? "", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise<Running>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready; output: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = ready(output);
      if (url) {
        clearTimeout(timer);
        resolve({ url, child });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

const startApi = () =>
  spawnReady(MAIN, { DATABASE_URL: database.url, ADMIN_TOKEN, PORT: "0" }, (output) => {
    const match = /ready at (http:\/\/\S+)\/graphql/.exec(output);
    return match ? match[1]! : null;
  });

async function startSite(apiUrl: string): Promise<Running> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  expect(existsSync(SITE), `${SITE} is missing: run \`pnpm build\``).toBe(true);
  const child = spawn(process.execPath, [SITE], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), API_URL: apiUrl, SITE_URL: url },
    stdio: "ignore",
  });
  children.push(child);
  await eventually(async () => expect((await fetch(`${url}/readyz`)).status).toBe(200), 30_000);
  return { url, child };
}

async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token: string | null = ADMIN_TOKEN,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

async function must<T = Record<string, any>>(url: string, query: string, variables = {}, token?: string | null) {
  const res = await gql<T>(url, query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** The fixtures' view of an API: GraphQL through process `url`, and the wall clock (these processes keep real time). */
const through = (url: string) =>
  ({
    must: (query: string, variables?: Record<string, unknown>, token?: string | null) =>
      must(url, query, variables, token ?? ADMIN_TOKEN),
    clock: { now: () => new Date() },
  }) as unknown as TestApi;

function ws(url: string, token: string | null = null): Client {
  const client = createClient({
    url: `${url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
  });
  clients.push(client);
  return client;
}

/** A gauge or counter of one process's /metrics. */
async function metric(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
}

/** Starts one subscription on A and one on B (in that order) and waits until both processes hold them. */
async function subscribed<T>(start: () => T[]): Promise<T[]> {
  const before = [
    await metric(a.url, "liaison_subscriptions_active"),
    await metric(b.url, "liaison_subscriptions_active"),
  ];
  const subscriptions = start();
  await eventually(async () => {
    expect(await metric(a.url, "liaison_subscriptions_active")).toBe(before[0]! + 1);
    expect(await metric(b.url, "liaison_subscriptions_active")).toBe(before[1]! + 1);
  });
  return subscriptions;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const summaryOf = async (site: Running) =>
  (await (await fetch(`${site.url}/api/v2/summary.json`)).json()) as {
    incidents: { id: string; incident_updates: { body: string }[] }[];
  };

const POST = `mutation($id: ID!, $message: String!) {
  postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, message: $message, visibility: PUBLIC }) { id } }`;

beforeAll(async () => {
  database = await createTestDatabase({ empty: true });
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  a = await startApi(); // migrates the empty database
  b = await startApi();
  [siteA, siteB] = await Promise.all([startSite(a.url), startSite(b.url)]);
}, 60_000);

afterAll(async () => {
  for (const client of clients) await client.dispose();
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await sql?.end();
  await database?.drop();
});

describe("[scale-out] two API processes and two status sites on one database", () => {
  let incidentId: string;

  test("a subscriber on each API process gets every public update exactly once, in order; both sites show it", async () => {
    const { reportIncident } = await must(
      a.url,
      `mutation { reportIncident(input: { title: "Checkout errors", severity: SEV2, componentIds: [] }) { id } }`,
    );
    incidentId = reportIncident.id;
    const query = `subscription($id: ID) { incidentUpdated(incidentId: $id) { id updates { message } } }`;
    const live = await subscribed(() => [
      collect<any>(ws(a.url), query, { id: incidentId }),
      collect<any>(ws(b.url), query, { id: incidentId }),
    ]);
    const [onA, onB] = live as [ReturnType<typeof collect<any>>, ReturnType<typeof collect<any>>];

    const messages = ["one", "two", "three", "four", "five", "six"];
    for (const [i, message] of messages.entries())
      await must(i % 2 === 0 ? a.url : b.url, POST, { id: incidentId, message }); // alternately through A and B
    await onA.until(messages.length, 10_000);
    await onB.until(messages.length, 10_000);
    await new Promise((r) => setTimeout(r, 500)); // room for a duplicate to show up
    for (const sub of [onA, onB]) {
      expect(sub.received.map((r) => r.data.incidentUpdated.updates[0].message)).toEqual(messages);
    }
    for (const site of [siteA, siteB])
      await eventually(async () => {
        const summary = await summaryOf(site);
        expect(summary.incidents.find((i) => i.id === incidentId)?.incident_updates[0]?.body).toBe("six");
      });
  }, 30_000);

  test("a capped booking taken concurrently through both processes: exactly the cap is accepted", async () => {
    const api = through(a.url);
    await anAlwaysOnCse(api);
    const account = await anAccount(api, { tier: "GOLD_SERVICES" }); // 6 Integration Consultations a year
    const customer = await aCustomer(api, account.id);
    const first = next(api, 1, "00:00");
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        gql(
          i % 2 === 0 ? a.url : b.url,
          `mutation($input: BookSessionInput!) { bookSession(input: $input) { id } }`,
          {
            input: {
              accountId: account.id,
              activity: "INTEGRATION_CONSULTATION",
              startsAt: plus(first, minutes(30 * i)).toISOString(),
            },
          },
          customer.token,
        ),
      ),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.["code"] ?? "OK");
    expect(codes.filter((c) => c === "OK")).toHaveLength(6);
    expect(codes.filter((c) => c === "ENTITLEMENT_EXHAUSTED")).toHaveLength(34);
    const { rows } = await sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cse_booking WHERE account_id = $1 AND status = 'CONFIRMED'",
      [account.id],
    );
    expect(rows[0]!.n).toBe(6);
  }, 30_000);

  test("a deadline queued through one process warns once, and its notification reaches the owner's sockets on both processes once", async () => {
    const { createUser } = await must(
      a.url,
      `mutation { createUser(input: { name: "Agent Scale", email: "agent.scale@example.com", role: SUPPORT_AGENT }) { user { id } token } }`,
    );
    const agent = { id: createUser.user.id as string, token: createUser.token as string };
    await must(
      a.url,
      `mutation { updateNotificationPreferences(input: { channels: [IN_APP], leadMinutes: [30] }) { leadMinutes } }`,
      {},
      agent.token,
    );
    const feed = `subscription { notificationReceived { kind ticket { id } } }`;
    const [feedA, feedB] = (await subscribed(() => [
      collect<any>(ws(a.url, agent.token), feed),
      collect<any>(ws(b.url, agent.token), feed),
    ])) as [ReturnType<typeof collect<any>>, ReturnType<typeof collect<any>>];
    const { createAccount } = await must(
      b.url,
      `mutation { createAccount(input: { name: "Scale Co", tier: PREMIUM_SUPPORT, subscriptionStartDate: "2025-01-01", products: [INCIDENT_MANAGEMENT] }) { id } }`,
    );
    const { openTicket } = await must(
      b.url,
      `mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }`,
      { input: { accountId: createAccount.id, subject: "Cannot log in", priority: "P1", assigneeId: agent.id } },
    );
    expect(feedA.received.length + feedB.received.length).toBe(0);
    // The warning is due 30 minutes before the first response: rather than wait, bring its job forward.
    const moved = await sql.query(
      `UPDATE pgboss.job SET start_after = now() WHERE name = 'sla-timer' AND data->>'kind' = 'WARNING' AND data->>'ticketId' = $1`,
      [openTicket.id],
    );
    expect(moved.rowCount).toBe(1);
    await feedA.until(1, 15_000);
    await feedB.until(1, 15_000);
    await new Promise((r) => setTimeout(r, 1_500)); // both processes' workers poll every 0.5 s
    for (const f of [feedA, feedB])
      expect(f.received.map((r) => r.data.notificationReceived)).toEqual([
        { kind: "SLA_WARNING", ticket: { id: openTicket.id } },
      ]);
    const list = await must(
      b.url,
      `{ notifications(first: 10) { edges { node { kind ticket { id } } } } }`,
      {},
      agent.token,
    );
    expect(list.notifications.edges).toHaveLength(1);
  }, 30_000);

  test("kill -9 of one API process: the other keeps answering and its subscribers keep hearing; its site shows the change", async () => {
    const before = await metric(b.url, "liaison_subscriptions_active");
    const onB = collect<any>(
      ws(b.url),
      `subscription($id: ID) { incidentUpdated(incidentId: $id) { updates { message } } }`,
      { id: incidentId },
    );
    await eventually(async () => expect(await metric(b.url, "liaison_subscriptions_active")).toBe(before + 1));
    const gone = new Promise((r) => a.child.once("exit", r));
    a.child.kill("SIGKILL");
    await gone;

    const page = await must(b.url, `{ statusPage { indicator activeIncidents { id } } }`, {}, null);
    expect(page.statusPage.activeIncidents.map((i: { id: string }) => i.id)).toContain(incidentId);
    await must(b.url, POST, { id: incidentId, message: "after the crash" });
    await onB.until(1, 10_000);
    expect(onB.received[0]!.data.incidentUpdated.updates[0].message).toBe("after the crash");
    await eventually(async () => {
      const summary = await summaryOf(siteB);
      expect(summary.incidents.find((i) => i.id === incidentId)?.incident_updates[0]?.body).toBe("after the crash");
    });
  }, 30_000);
});
