import "reflect-metadata";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDataSource } from "../../server/database.js";
import { buildApp } from "../../server/app.js";
import { routes } from "../../server/routes.js";
import { silentLog, startTestApi, waitFor, type GraphQLResponse, type TestApi } from "../../test/harness.js";
import { aCse, aCustomer, anAccount, anAlwaysOnCse, minutes, next, plus } from "../../test/cse-fixtures.js";

// Exactness under concurrency, against real PostgreSQL: the cap, idempotent replays, two API processes.
let api: TestApi;
let second: { url: string; close(): Promise<void> };

const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id cse { id } } }`;

async function post(url: string, token: string, input: Record<string, unknown>): Promise<GraphQLResponse> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: BOOK, variables: { input } }),
  });
  return (await res.json()) as GraphQLResponse;
}

/** Outcomes by error code ("OK" for a booking). */
function tally(results: GraphQLResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of results) {
    const code = r.errors?.[0]?.extensions.code ?? "OK";
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

async function confirmed(accountId: string, activity: string): Promise<number> {
  const [row] = await api.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM cse_booking WHERE account_id = $1 AND activity = $2 AND status = 'CONFIRMED'",
    [accountId, activity],
  );
  return row!.n;
}

/** `count` distinct half-hour starts from tomorrow on, for a CSE who works around the clock. */
function halfHours(count: number): Date[] {
  const first = next(api, 1, "00:00");
  return Array.from({ length: count }, (_, i) => plus(first, minutes(30 * i)));
}

beforeAll(async () => {
  api = await startTestApi();
  await anAlwaysOnCse(api);
  // A second API process on the same database: its own pool, its own in-memory queues, the same rows.
  const db = createDataSource(api.databaseUrl, { poolSize: 30 });
  await db.initialize();
  const app = await buildApp({ db, databaseUrl: api.databaseUrl, clock: api.clock, log: silentLog }, routes);
  const url = await app.start(0);
  second = {
    url,
    async close() {
      await app.stop();
      await db.destroy();
    },
  };
});
afterAll(async () => {
  await second?.close();
  await api?.close();
});

describe("the cap is exact under concurrency", () => {
  test("1,000 concurrent bookings of one capped activity: exactly the cap succeed, the rest are ENTITLEMENT_EXHAUSTED", async () => {
    const account = await anAccount(api, { tier: "GOLD_SERVICES" }); // 6 Integration Consultations a year
    const customer = await aCustomer(api, account.id);
    const results = await Promise.all(
      halfHours(1000).map((startsAt) =>
        post(api.url, customer.token, { accountId: account.id, activity: "INTEGRATION_CONSULTATION", startsAt }),
      ),
    );
    expect(tally(results)).toEqual({ OK: 6, ENTITLEMENT_EXHAUSTED: 994 });
    expect(await confirmed(account.id, "INTEGRATION_CONSULTATION")).toBe(6);
    const exhausted = results.find((r) => r.errors)!.errors![0]!;
    expect(exhausted.message).toContain("Professional Services");
  });

  test("concurrent replays with one idempotency key make one booking, and every replay returns it", async () => {
    const account = await anAccount(api);
    const customer = await aCustomer(api, account.id);
    const input = {
      accountId: account.id,
      activity: "PRODUCT_ROADMAP_SESSION",
      startsAt: next(api, 3, "09:00", 40),
      idempotencyKey: "roadmap-once",
    };
    const results = await Promise.all(Array.from({ length: 200 }, () => post(api.url, customer.token, input)));
    expect(tally(results)).toEqual({ OK: 200 });
    const ids = new Set(results.map((r) => (r.data as any).bookSession.id));
    expect(ids.size).toBe(1);
    expect(await confirmed(account.id, "PRODUCT_ROADMAP_SESSION")).toBe(1);
  });

  test("the cap holds with two API processes on one database", async () => {
    const account = await anAccount(api, { tier: "GOLD_SERVICES" }); // 3 Maturity Assessments a year
    const customer = await aCustomer(api, account.id);
    const starts = halfHours(2000).filter((_, i) => i % 2 === 0); // 60-minute sessions, one per hour
    const results = await Promise.all(
      starts.map((startsAt, i) =>
        post(i % 2 === 0 ? api.url : second.url, customer.token, {
          accountId: account.id,
          activity: "MATURITY_ASSESSMENT",
          startsAt: plus(startsAt, 60 * 86_400_000),
        }),
      ),
    );
    expect(tally(results)).toEqual({ OK: 3, ENTITLEMENT_EXHAUSTED: 997 });
    expect(await confirmed(account.id, "MATURITY_ASSESSMENT")).toBe(3);
  });

  test("replays spread over two API processes still make one booking", async () => {
    const account = await anAccount(api);
    const customer = await aCustomer(api, account.id);
    const input = {
      accountId: account.id,
      activity: "AUTOMATION_IDEATION_SESSION",
      startsAt: next(api, 4, "09:00", 50),
      idempotencyKey: "ideation-once",
    };
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => post(i % 2 === 0 ? api.url : second.url, customer.token, input)),
    );
    expect(tally(results)).toEqual({ OK: 200 });
    expect(new Set(results.map((r) => (r.data as any).bookSession.id)).size).toBe(1);
    expect(await confirmed(account.id, "AUTOMATION_IDEATION_SESSION")).toBe(1);
  });

  test("accounts racing for one time get one CSE each while CSEs last, the rest CONFLICT, never INTERNAL", async () => {
    // Far ahead, on a weekday: only CSEs with the default hours and the always-on CSE work then.
    const startsAt = next(api, 2, "11:00", 120);
    for (let i = 0; i < 4; i++) await aCse(api);
    const engineers = (await api.must(`{ customerSuccessEngineers { id } }`)).customerSuccessEngineers.length;
    const accounts = [];
    for (let i = 0; i < 30; i++) accounts.push(await anAccount(api));
    const results = await Promise.all(
      accounts.map((account, i) =>
        post(i % 2 === 0 ? api.url : second.url, api.adminToken, {
          accountId: account.id,
          activity: "PRODUCT_ROADMAP_SESSION",
          startsAt,
        }),
      ),
    );
    expect(tally(results)).toEqual({ OK: engineers, CONFLICT: 30 - engineers });
    const assigned = results.filter((r) => !r.errors).map((r) => (r.data as any).bookSession.cse.id);
    expect(new Set(assigned).size).toBe(engineers);
  });
});

describe("regressions", () => {
  // The count was once read in the statement that waited for the account lock, with the snapshot from before
  // the wait: a booking committed meanwhile by another process went uncounted, and the cap could be exceeded.
  test("a booking that waited for the account lock counts what was committed while it waited", async () => {
    const account = await anAccount(api, { tier: "SILVER_SERVICES" }); // 1 Product Roadmap Session a year
    const [cse] = await api.sql<{ id: string }>(
      "SELECT id FROM app_user WHERE role = 'CUSTOMER_SUCCESS_ENGINEER' ORDER BY created_at LIMIT 1",
    );
    const other = new pg.Client({ connectionString: api.databaseUrl });
    await other.connect();
    try {
      // "Another process" holds the lock and books the last place, but has not committed yet.
      await other.query("BEGIN");
      await other.query("SELECT 1 FROM account WHERE id = $1 FOR NO KEY UPDATE", [account.id]);
      const taken = next(api, 5, "03:00", 150);
      await other.query(
        `WITH b AS (INSERT INTO cse_booking (account_id, activity, cse_id, starts_at, ends_at, tier)
                    VALUES ($1, 'PRODUCT_ROADMAP_SESSION', $2, $3, $4, 'SILVER_SERVICES') RETURNING id, cse_id, status)
         INSERT INTO cse_session (booking_id, part, cse_id, booking_status, during)
         SELECT id, 'SESSION', cse_id, status, tstzrange($3, $4) FROM b`,
        [account.id, cse!.id, taken, plus(taken, minutes(30))],
      );
      const pending = post(api.url, api.adminToken, {
        accountId: account.id,
        activity: "PRODUCT_ROADMAP_SESSION",
        startsAt: next(api, 5, "05:00", 150),
      });
      // Wait until the API's booking is queued behind the lock, then let the other booking commit.
      let waiting = false;
      const poll = setInterval(() => {
        void api
          .sql<{ n: number }>(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
          )
          .then(([row]) => (waiting = row!.n > 0));
      }, 20);
      await waitFor(() => waiting, 10_000).finally(() => clearInterval(poll));
      await other.query("COMMIT");
      const res = await pending;
      expect(res.errors?.[0]?.extensions.code).toBe("ENTITLEMENT_EXHAUSTED");
      expect(await confirmed(account.id, "PRODUCT_ROADMAP_SESSION")).toBe(1);
    } finally {
      await other.end();
    }
  });
});
