import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { anIncident, postUpdate } from "../test/factories.js";
import { collect, startTestApi, type TestApi } from "../test/harness.js";

// A reader that stops reading must not grow the server's memory without limit (WS_MAX_BUFFERED_BYTES).
const BOUND = 256 * 1024;
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ limits: { wsMaxBufferedBytes: BOUND } });
});
afterAll(() => api?.close());

const PAGE = `subscription { statusPageChanged { indicator activeIncidents { id updates { message } } } }`;

async function gauge(name: string): Promise<number> {
  const metric = api.app.metrics.registry.getSingleMetric(name);
  const { values } = await metric!.get();
  return values[0]?.value ?? 0;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A bare graphql-transport-ws client, subscribed to the page, whose TCP socket we can stop reading. */
async function rawSubscriber() {
  const socket = new WebSocket(api.wsUrl, "graphql-transport-ws");
  let messages = 0;
  const closed = new Promise<number>((resolve) => socket.once("close", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "page", type: "subscribe", payload: { query: PAGE } }));
        resolve();
      }
      if (message.type === "next") messages++;
    });
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: {} })));
  });
  return { socket, closed, messages: () => messages };
}

test("a subscriber that stops reading is closed (1013) while the server's unsent bytes stay bounded; readers that read get everything", async () => {
  // A page of some weight: ~100 kB of public updates, so each change is ~100 kB on every socket.
  const incident = await anIncident(api);
  for (let i = 0; i < 20; i++) await postUpdate(api, incident.id, { message: `${i} ${"x".repeat(4_900)}` });

  const active = () => gauge("liaison_subscriptions_active");
  const reader = collect<any>(api.ws(null), PAGE);
  const slow = await rawSubscriber();
  await until(async () => (await active()) === 2);
  // Stop reading: the kernel's buffers fill first (a few MB on loopback), then the server's own queue would.
  (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();

  const EVENTS = 150;
  let highest = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      highest = Math.max(highest, await gauge("liaison_websocket_buffered_bytes"));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  for (let i = 0; i < EVENTS; i++) {
    await api.sql(`SELECT pg_notify('liaison_events', $1)`, [JSON.stringify({ kind: "status-page" })]);
    await new Promise((r) => setTimeout(r, 5));
  }
  await reader.until(EVENTS, 30_000);
  // Its subscription is gone on the server.
  await until(async () => (await active()) === 1);
  sampling = false;
  await sampler;

  // The reader that reads received every page; the slow one was dropped, once.
  expect(reader.received).toHaveLength(EVENTS);
  expect(reader.received.every((r) => r.data?.statusPageChanged.activeIncidents.length >= 1)).toBe(true);
  expect(await gauge("liaison_websocket_slow_readers_closed_total")).toBe(1);
  // At most the bound plus the message that crossed it (and the reader's own in-flight page).
  const page = JSON.stringify(reader.received.at(-1)).length;
  expect(highest).toBeGreaterThan(0);
  expect(highest).toBeLessThanOrEqual(BOUND + 3 * page);
  // When it reads again it finds its connection closed.
  (slow.socket as unknown as { _socket: { resume(): void } })._socket.resume();
  expect([1013, 1006]).toContain(await slow.closed);
  expect(slow.messages()).toBeLessThan(EVENTS);
}, 60_000);
