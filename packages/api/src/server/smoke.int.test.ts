import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "../test/harness.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

test("health and an anonymous status page", async () => {
  const health = await fetch(`${api.url}/healthz`);
  expect(health.status).toBe(200);
  const res = await api.gql("{ statusPage { indicator description components { id } } }", {}, null);
  expect(res.errors).toBeUndefined();
  expect(res.data?.statusPage).toMatchObject({ indicator: "NONE", description: "All Systems Operational" });
});
