import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEFAULT_EDGE_LIMITS, MAX_ALIASES, MAX_DEPTH } from "../platform/graphql/limits.js";
import { aComponent } from "../test/factories.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { rawSocket } from "../test/raw-socket.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ production: true });
  for (let i = 0; i < 12; i++) await aComponent(api);
});
afterAll(() => api?.close());

// Within every shape limit (depth, 30 aliases) yet 30 × 12 components × ~350 days of uptime.
const thirtyUptimes = Array.from({ length: MAX_ALIASES }, (_, i) => `u${i}: uptime(days: ${366 - i}) { date uptime }`);
const ATTACK = `{ statusPage { components { ${thirtyUptimes.join(" ")} } } }`;

const post = (query: string, token: string | null = null) =>
  fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

describe("what a query costs, not just its shape", () => {
  test("regression: 30 aliased uptime(days: 366…337) reads no longer freeze the API — refused for anonymous callers", async () => {
    expect(MAX_DEPTH).toBeGreaterThanOrEqual(4);
    const attempts = await Promise.all(Array.from({ length: 4 }, () => post(ATTACK)));
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    for (const res of attempts) {
      expect(res.status).toBe(400);
      const body = (await res.json()) as { data?: unknown; errors: { message: string; extensions: any }[] };
      expect(body.data ?? null).toBeNull();
      expect(body.errors[0]!.extensions.code).toBe("BAD_USER_INPUT");
      expect(body.errors[0]!.message).toMatch(
        new RegExp(`costs \\d+ and the budget of an anonymous caller is ${DEFAULT_EDGE_LIMITS.costAnonymous}`),
      );
      expect(body.errors[0]!.extensions.cost).toBeGreaterThan(DEFAULT_EDGE_LIMITS.costAnonymous);
      expect(body.errors[0]!.extensions.budget).toBe(DEFAULT_EDGE_LIMITS.costAnonymous);
    }
  });

  test("staff have a larger budget: a query refused to anonymous callers is answered for them, from one shared series", async () => {
    const aliases = Array.from({ length: MAX_ALIASES }, (_, i) => `u${i}: uptime(days: ${120 - i}) { date uptime }`);
    const query = `{ statusPage { components { ${aliases.join(" ")} } } }`;
    expect((await api.gql(query, {}, null)).errors?.[0]?.message).toMatch(/too expensive/);
    const res = await api.gql<any>(query, {}, api.adminToken);
    expect(res.errors).toBeUndefined();
    const component = res.data!.statusPage.components[0];
    expect(component.u0).toHaveLength(120);
    expect(component.u29).toHaveLength(91);
    expect(component.u29).toEqual(component.u0.slice(-91));
  });

  test("`first` weighs by the page it asks for: a page of 100 costs more than a page of 5", async () => {
    const page = (first: number) =>
      `{ incidents(first: ${first}) { edges { node { id title components { id name } reports { id kind summary } ` +
      `updates { id message createdAt componentStatuses { componentId status } } } } } ` +
      `statusPage { components { uptime(days: 366) { date uptime countedMs downtimeMs majorOutageMs partialOutageMs } } } }`;
    const small = await api.gql(page(5), {}, null);
    expect(small.errors).toBeUndefined();
    const large = await api.gql(page(100), {}, null);
    expect(large.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(large.errors?.[0]?.message).toMatch(/too expensive/);
  });

  test("the public page's usual reads fit the anonymous budget", async () => {
    const res = await api.gql(
      `{ statusPage { id name indicator description updatedAt
          components { id name group status uptime(days: 90) {
            date uptime countedMs downtimeMs majorOutageMs partialOutageMs degradedMs maintenanceMs worstStatus } }
          activeIncidents { id title status updates { id message createdAt componentStatuses { componentId status } } } } }`,
      {},
      null,
    );
    expect(res.errors).toBeUndefined();
  });

  test("the same budget holds over WebSocket", async () => {
    const socket = await rawSocket(api.wsUrl);
    socket.subscribe("1", `subscription ${ATTACK.replace("{ statusPage", "{ statusPageChanged")}`);
    socket.subscribe("2", `query ${ATTACK}`);
    const [first, second] = await Promise.all([socket.until((m) => m.id === "1"), socket.until((m) => m.id === "2")]);
    for (const reply of [first[0]!, second[0]!]) {
      expect(reply.type).toBe("error");
      expect(reply.payload[0].extensions.code).toBe("BAD_USER_INPUT");
      expect(reply.payload[0].message).toMatch(/too expensive/);
    }
    socket.close();
  });

  test("an uptime series read before a status change is not served after it", async () => {
    const c = await aComponent(api);
    const UPTIME = `query($days: Int) { statusPage { components { id uptime(days: $days) { majorOutageMs } } } }`;
    const outage = async () => {
      const res = await api.must(UPTIME, { days: 2 }, null);
      const days = res.statusPage.components.find((x: { id: string }) => x.id === c.id).uptime;
      return days.reduce((sum: number, d: { majorOutageMs: number }) => sum + d.majorOutageMs, 0);
    };
    expect(await outage()).toBe(0);
    await api.must(`mutation($id: ID!) { updateComponent(id: $id, input: { status: MAJOR_OUTAGE }) { id } }`, {
      id: c.id,
    });
    api.clock.advance(60 * 60_000);
    await api.must(`mutation($id: ID!) { updateComponent(id: $id, input: { status: OPERATIONAL }) { id } }`, {
      id: c.id,
    });
    expect(await outage()).toBeGreaterThanOrEqual(60 * 60_000 - 5_000);
  });
});
