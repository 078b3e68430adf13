import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aComponent, aUser, snapshot } from "../test/factories.js";
import { startTestApi, type TestApi } from "../test/harness.js";
import { openSocket, rawSocket, type RawMessage } from "../test/raw-socket.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    limits: {
      wsAnonymousSubscriptionsPerConnection: 3,
      wsSubscriptionsPerConnection: 10,
      wsInitTimeoutMs: 300,
    },
  });
});
afterAll(() => api?.close());

const refusedWith = (code: string) => (m: RawMessage) =>
  m.type === "error" && m.payload?.[0]?.extensions?.code === code;

describe("one WebSocket connection cannot take the API down", () => {
  test("regression: 300 distinct statusPageChanged documents on one anonymous socket — only the cap is accepted", async () => {
    const socket = await rawSocket(api.wsUrl);
    for (let i = 0; i < 300; i++)
      socket.subscribe(String(i), `subscription { statusPageChanged { updatedAt a${i}: indicator } }`);
    const refusals = await socket.until(refusedWith("RATE_LIMITED"), 297);
    expect(refusals[0]!.payload[0].message).toMatch(/3 subscriptions/);
    // The three accepted still hear of a change; the refused hear nothing.
    await aComponent(api);
    const delivered = await socket.until((m) => m.type === "next", 3);
    expect(new Set(delivered.map((m) => m.id)).size).toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(socket.messages.filter((m) => m.type === "next")).toHaveLength(3);
    socket.close();
  });

  test("a completed subscription frees its place on the connection", async () => {
    const socket = await rawSocket(api.wsUrl);
    for (let i = 0; i < 3; i++) socket.subscribe(String(i), `subscription { statusPageChanged { updatedAt } }`);
    socket.send({ id: "0", type: "complete" });
    await new Promise((r) => setTimeout(r, 100));
    socket.subscribe("3", `subscription { statusPageChanged { indicator } }`);
    await aComponent(api);
    const delivered = await socket.until((m) => m.type === "next", 3);
    expect(delivered.map((m) => m.id).sort()).toEqual(["1", "2", "3"]);
    expect(socket.messages.filter((m) => m.type === "error")).toHaveLength(0);
    socket.close();
  });

  test("subscriptions re-run on every change: together, one connection's stay within its budget", async () => {
    const socket = await rawSocket(api.wsUrl);
    const heavy = (alias: string) =>
      `subscription { statusPageChanged { components { ${alias}: uptime(days: 366) { date uptime countedMs downtimeMs majorOutageMs partialOutageMs } } } }`;
    for (const id of ["a", "b", "c"]) socket.subscribe(id, heavy(id));
    const [refusal] = await socket.until((m) => m.type === "error");
    expect(refusal!.payload[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(refusal!.payload[0].message).toMatch(/more than the budget of 50000/);
    expect(socket.messages.filter((m) => m.type === "error")).toHaveLength(1);
    socket.close();
  });

  test("a signed-in connection has a larger cap of its own", async () => {
    const socket = await rawSocket(api.wsUrl, api.adminToken);
    for (let i = 0; i < 12; i++) socket.subscribe(String(i), `subscription { statusPageChanged { updatedAt } }`);
    const refusals = await socket.until(refusedWith("RATE_LIMITED"), 2);
    expect(refusals.map((m) => m.id).sort()).toEqual(["10", "11"]);
    socket.close();
  });

  test("anonymous readers may subscribe only to what the public page needs", async () => {
    const socket = await rawSocket(api.wsUrl);
    socket.subscribe("1", `subscription { notificationReceived { id } }`);
    const [refusal] = await socket.until((m) => m.id === "1");
    expect(refusal!.type).toBe("error");
    expect(refusal!.payload[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(refusal!.payload[0].message).toMatch(/statusPageChanged and incidentUpdated/);
    socket.close();
  });

  test("regression: connections per client address are capped (2,000 were accepted); a closed one makes room", async () => {
    const peer = await api.peer({ limits: { wsConnectionsPerClient: 6 } });
    const wsUrl = `${peer.url.replace("http", "ws")}/graphql`;
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, () => openSocket(wsUrl)));
    const open = attempts.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
    expect(open).toHaveLength(6);
    for (const a of attempts) if (a.status === "rejected") expect(String(a.reason)).toMatch(/429/);
    const closed = new Promise((r) => open[0]!.once("close", r));
    open[0]!.close();
    await closed;
    await new Promise((r) => setTimeout(r, 50));
    open[0] = await openSocket(wsUrl);
    for (const s of open) s.close();
  });

  test("a message over 1 MB closes that socket (1009) and no other", async () => {
    const big = await rawSocket(api.wsUrl);
    const other = await rawSocket(api.wsUrl);
    big.subscribe("1", `query { statusPage { indicator } } # ${"x".repeat(2_000_000)}`);
    expect((await big.closed).code).toBe(1009);
    other.subscribe("1", `query { statusPage { indicator } }`);
    const [answer] = await other.until((m) => m.id === "1" && m.type === "next");
    expect(answer!.payload.data.statusPage.indicator).toBeDefined();
    other.close();
  });

  test("a socket that never says connection_init is closed (4408)", async () => {
    const socket = await openSocket(api.wsUrl);
    const code = await new Promise<number>((r) => socket.once("close", (c) => r(c)));
    expect(code).toBe(4408);
  });
});

describe("the rate limit is the same over HTTP and WebSocket, and across API processes", () => {
  let limited: TestApi;
  beforeAll(async () => {
    limited = await startTestApi({ rateLimit: { perSecond: 0.1, burst: 3 } });
  });
  afterAll(() => limited?.close());

  test("regression: queries and mutations over one socket were never rate limited", async () => {
    const agent = await aUser(limited, "RESPONDER");
    const report = (i: number) =>
      `mutation { reportIncident(input: { title: "over ws ${i}", severity: SEV4 }) { id } }`;
    // Two over HTTP, one over WebSocket: the caller's three; the fourth (over either) is refused.
    for (const i of [0, 1]) expect((await limited.gql(report(i), {}, agent.token)).errors).toBeUndefined();
    const socket = await rawSocket(limited.wsUrl, agent.token);
    socket.subscribe("a", report(2));
    expect((await socket.until((m) => m.id === "a"))[0]!.type).toBe("next");
    const before = await snapshot(limited);
    socket.subscribe("b", report(3));
    const [refusal] = await socket.until((m) => m.id === "b");
    expect(refusal!.type).toBe("error");
    expect(refusal!.payload[0].extensions.code).toBe("RATE_LIMITED");
    expect(refusal!.payload[0].extensions.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await limited.gql(report(4), {}, agent.token)).errors?.[0]?.extensions.code).toBe("RATE_LIMITED");

    // A second API process on the same database counts the same caller's requests.
    const peer = await limited.peer({ rateLimit: { perSecond: 0.1, burst: 3 } });
    const res = await fetch(`${peer.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${agent.token}` },
      body: JSON.stringify({ query: report(5) }),
    });
    expect(res.status).toBe(429);
    expect(await snapshot(limited)).toEqual(before);
    socket.close();
  });

  test("an expensive query counts as many requests", async () => {
    const agent = await aUser(limited, "SUPPORT_AGENT");
    expect((await limited.gql("{ me { id } }", {}, agent.token)).errors).toBeUndefined();
    // 100 incidents with their updates and components cost over 3,000: three requests, one more than are left.
    const res = await limited.gql(
      `{ incidents(first: 100) { edges { node { id components { id name } updates { id message } } } } }`,
      {},
      agent.token,
    );
    expect(res.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
  });
});
