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
