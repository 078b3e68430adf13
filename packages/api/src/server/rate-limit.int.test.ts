import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { snapshot } from "../test/factories.js";
import { startTestApi, type TestApi } from "../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ rateLimit: { perSecond: 0.5, burst: 3 } });
});
afterAll(() => api?.close());

test("a caller past its rate gets RATE_LIMITED with Retry-After, and the request changes nothing", async () => {
  const report = () =>
    fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({ query: `mutation { reportIncident(input: { title: "burst", severity: SEV4 }) { id } }` }),
    });
  for (let i = 0; i < 3; i++) expect((await report()).status).toBe(200);
  const before = await snapshot(api);
  const limited = await report();
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  const body = (await limited.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
  expect(await snapshot(api)).toEqual(before);
});

test("cached public reads stay free for anonymous readers", async () => {
  const read = () =>
    fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ statusPage { indicator } }" }),
    });
  const statuses = [];
  for (let i = 0; i < 10; i++) statuses.push((await read()).status);
  expect(statuses).toEqual(Array(10).fill(200));
});

test("a caller past its limit stays refused while the database is unreachable, and is served again after", async () => {
  // Each distinct query misses the public cache and counts; the caller here is this test's address.
  let n = 0;
  const read = () =>
    fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ incidents(first: 1) { edges { node { id } } } } # ${n++}` }),
    });
  let refused: Response | null = null;
  for (let i = 0; i < 5 && !refused; i++) {
    const res = await read();
    if (res.status === 429) refused = res;
    else expect(res.status).toBe(200);
  }
  expect(refused?.status).toBe(429);

  const url = new URL(api.databaseUrl);
  const dbName = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [dbName]);
    // Refused from memory: RATE_LIMITED with Retry-After, not SERVICE_UNAVAILABLE.
    const during = await read();
    expect(during.status).toBe(429);
    const body = (await during.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    expect(Number(during.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  } finally {
    await admin.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
    await admin.end();
  }
  // Once its window is over (burst 3 at 0.5/s: 6 s), the caller is counted and served again.
  const retryAfter = Number(refused!.headers.get("retry-after"));
  await new Promise((r) => setTimeout(r, (retryAfter + 0.5) * 1000));
  let status = 0;
  for (let i = 0; i < 20 && status !== 200; i++) {
    status = (await read()).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 250));
  }
  expect(status).toBe(200);
}, 30_000);
