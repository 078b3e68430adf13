// Fan-out at scale: 10,000 WebSocket subscribers (statusPageChanged and incidentUpdated on each socket) over
// TWO API processes on one PostgreSQL; postStatusUpdate PUBLIC → every subscriber. Then memory per 1,000 idle
// subscribers, and 100 slow readers (sockets that stop reading) against the WS_MAX_BUFFERED_BYTES bound.
//   BENCH_SUBSCRIBERS (10000)  BENCH_UPDATES (10)  BENCH_CLIENT_WORKERS (4)  BENCH_SLOW_READERS (100)
import { loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import WebSocket from "ws";
import { benchDatabase, fmt, percentile, startApiProcess } from "./lib.mjs";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 10);
const WORKERS = Number(process.env.BENCH_CLIENT_WORKERS ?? 4);
const SLOW_READERS = Number(process.env.BENCH_SLOW_READERS ?? 100);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
const now = () => performance.timeOrigin + performance.now();
const MB = 1024 * 1024;

// One client thread: opens its share of sockets (bare graphql-transport-ws, two subscriptions each),
// and notes when each subscription first receives the page/incident carrying the update's marker.
const clientThread = `
const { parentPort, workerData } = require("node:worker_threads");
const WebSocket = require(workerData.ws);
const { urls, first, count, incidentId } = workerData;
const PAGE = "subscription { statusPageChanged { indicator description updatedAt components { id name status group } activeIncidents { id title status impact updates { message createdAt } } } }";
const INCIDENT = "subscription($id: ID) { incidentUpdated(incidentId: $id) { id status updates { id message } } }";
const now = () => performance.timeOrigin + performance.now();
const sockets = [];
let marker = null, update = -1, arrivals = [], remaining = 0;
function open(i) {
  return new Promise((resolve, reject) => {
    const s = new WebSocket(urls[i % urls.length], "graphql-transport-ws");
    const state = { s, got: { p: -1, i: -1 } };
    s.on("error", reject);
    s.on("open", () => s.send('{"type":"connection_init","payload":{}}'));
    s.on("message", (data) => {
      if (data[7] === 0x70 || data[7] === 0x69) { // {"id":"p… or {"id":"i…: a next (or error) for one of ours
        const sub = data[7] === 0x70 ? "p" : "i";
        if (marker && state.got[sub] !== update && data.includes(marker)) {
          state.got[sub] = update;
          arrivals.push(now());
          if (--remaining === 0) parentPort.postMessage({ type: "complete", update });
        }
        return;
      }
      const m = JSON.parse(data.toString());
      if (m.type === "connection_ack") {
        s.send(JSON.stringify({ id: "p", type: "subscribe", payload: { query: PAGE } }));
        s.send(JSON.stringify({ id: "i", type: "subscribe", payload: { query: INCIDENT, variables: { id: incidentId } } }));
        resolve();
      }
    });
    sockets.push(state);
  });
}
parentPort.on("message", async (m) => {
  if (m.type === "open") {
    for (let i = first; i < first + count; i += 100)
      await Promise.all(Array.from({ length: Math.min(100, first + count - i) }, (_, k) => open(i + k)));
    parentPort.postMessage({ type: "open" });
  } else if (m.type === "expect") {
    marker = Buffer.from(m.marker); update = m.update; arrivals = []; remaining = sockets.length * 2;
    parentPort.postMessage({ type: "expecting" });
  } else if (m.type === "report") {
    parentPort.postMessage({ type: "report", update, arrivals });
  } else if (m.type === "close") {
    for (const { s } of sockets) s.terminate();
    parentPort.postMessage({ type: "closed" });
  }
});
`;

async function metricsOf(api) {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  const value = (name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  return {
    rss: value("process_resident_memory_bytes"),
    heap: value("nodejs_heap_size_used_bytes"),
    subscriptions: value("liaison_subscriptions_active"),
    connections: value("liaison_websocket_connections"),
    buffered: value("liaison_websocket_buffered_bytes"),
    slowClosed: value("liaison_websocket_slow_readers_closed_total"),
    fanoutSeconds: value("liaison_subscription_fanout_seconds_sum"),
    fanouts: value("liaison_subscription_fanout_seconds_count"),
    fanoutSockets: value("liaison_subscription_fanout_sockets_total"),
    cpu: value("process_cpu_seconds_total"),
    cpuUser: value("process_cpu_user_seconds_total"),
  };
}

function ask(worker, message, reply) {
  return new Promise((resolve) => {
    const on = (m) => {
      if (m.type !== reply) return;
      worker.off("message", on);
      resolve(m);
    };
    worker.on("message", on);
    worker.postMessage(message);
  });
}

const db = await benchDatabase();
const env = {
  WS_MAX_CONNECTIONS_PER_CLIENT: "20000",
  RATE_LIMIT_PER_SECOND: "0",
  LOG_LEVEL: "warn",
  ...(process.env.BENCH_API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS } : {}),
};
const first = await startApiProcess(db.url, env);
const second = await startApiProcess(db.url, env);
const apis = [first, second];
const workers = [];
try {
  // The page of the status-page bench: 12 components in 3 groups, 5 active incidents with updates.
  const componentIds = [];
  for (let i = 0; i < 12; i++) {
    const { createComponent } = await first.gql(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      { i: { name: `Component ${i}`, group: `Group ${i % 3}`, position: i } },
    );
    componentIds.push(createComponent.id);
  }
  const post = (id, message) =>
    first.gql(
      `mutation($id: ID!, $m: String!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, message: $m, visibility: PUBLIC }) { id } }`,
      { id, m: message },
    );
  const incidents = [];
  for (let i = 0; i < 5; i++) {
    const { reportIncident } = await first.gql(
      `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      { i: { title: `Incident ${i}`, severity: "SEV3", componentIds: [componentIds[i]] } },
    );
    incidents.push(reportIncident.id);
    for (let u = 0; u < 3; u++) await post(reportIncident.id, "Still looking");
  }
  const target = incidents[0];

  const before = await Promise.all(apis.map(metricsOf));
  const wsUrls = apis.map((a) => `${a.url.replace("http", "ws")}/graphql`);
  const per = Math.ceil(SUBSCRIBERS / WORKERS);
  for (let w = 0; w < WORKERS; w++) {
    const count = Math.min(per, SUBSCRIBERS - w * per);
    workers.push(
      new Worker(clientThread, {
        eval: true,
        workerData: {
          ws: import.meta
            .resolve("ws")
            .replace("file://", "")
            .replace(/wrapper\.mjs$/, "index.js"),
          urls: wsUrls,
          first: w * per,
          count,
          incidentId: target,
        },
      }),
    );
  }
  const opening = performance.now();
  await Promise.all(workers.map((w) => ask(w, { type: "open" }, "open")));
  // Every subscribe has reached its process: 2 subscriptions per socket, over both processes.
  for (let i = 0; i < 600; i++) {
    const m = await Promise.all(apis.map(metricsOf));
    if (m.reduce((s, x) => s + x.subscriptions, 0) >= SUBSCRIBERS * 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const opened = (performance.now() - opening) / 1000;
  await new Promise((r) => setTimeout(r, 3_000)); // idle
  const idle = await Promise.all(apis.map(metricsOf));

  console.log(
    `${fmt(SUBSCRIBERS)} WebSocket subscribers (statusPageChanged + incidentUpdated each) over 2 API processes, ${WORKERS} client threads; load ${load()}`,
  );
  console.log(`  connected and subscribed in ${fmt(opened, 1)} s`);
  idle.forEach((m, i) => {
    const sockets = m.connections;
    const rssPer = ((m.rss - before[i].rss) / MB / sockets) * 1000;
    const heapPer = ((m.heap - before[i].heap) / MB / sockets) * 1000;
    console.log(
      `  API ${i + 1}: ${fmt(sockets)} sockets, ${fmt(m.subscriptions)} subscriptions; RSS ${fmt(before[i].rss / MB)} → ${fmt(m.rss / MB)} MB, heap ${fmt(before[i].heap / MB)} → ${fmt(m.heap / MB)} MB`,
    );
    console.log(
      `         per 1,000 idle subscribers: RSS ${fmt(rssPer, 1)} MB, heap ${fmt(heapPer, 1)} MB  (target <= 30 MB: ${rssPer <= 30 ? "met" : "NOT met"})`,
    );
  });

  // The updates, one at a time: latency from sending the mutation to each subscription's receipt of it.
  const beforeUpdates = await Promise.all(apis.map(metricsOf));
  const latencies = [];
  let lost = 0;
  for (let u = 0; u < UPDATES; u++) {
    const marker = `"Fan-out ${u}"`;
    await Promise.all(workers.map((w) => ask(w, { type: "expect", marker, update: u }, "expecting")));
    const complete = Promise.all(workers.map((w) => new Promise((r) => w.once("message", r))));
    const sentAt = now();
    await post(target, `Fan-out ${u}`);
    await Promise.race([complete, new Promise((r) => setTimeout(r, 15_000))]);
    await new Promise((r) => setTimeout(r, 50));
    const reports = await Promise.all(workers.map((w) => ask(w, { type: "report" }, "report")));
    let got = 0;
    const these = [];
    for (const r of reports) {
      got += r.arrivals.length;
      for (const t of r.arrivals) these.push(t - sentAt);
    }
    these.sort((x, y) => x - y);
    latencies.push(...these);
    if (process.env.BENCH_VERBOSE)
      console.log(
        `  update ${u}: p50 ${fmt(percentile(these, 50))} ms, max ${fmt(these.at(-1) ?? NaN)} ms; load ${load()}`,
      );
    lost += SUBSCRIBERS * 2 - got;
  }
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  console.log(
    `postStatusUpdate PUBLIC → ${fmt(SUBSCRIBERS)} sockets × 2 subscriptions, ${UPDATES} updates; load ${load()}`,
  );
  console.log(
    `  delivered ${fmt(latencies.length)} of ${fmt(SUBSCRIBERS * 2 * UPDATES)}, lost ${fmt(lost)}  (target 0: ${lost === 0 ? "met" : "NOT met"})`,
  );
  console.log(
    `  p50 ${fmt(percentile(latencies, 50), 1)} ms   p99 ${fmt(p99, 1)} ms   max ${fmt(latencies.at(-1) ?? NaN, 1)} ms  (target p99 <= 250 ms: ${p99 <= 250 ? "met" : "NOT met"})`,
  );
  const after = await Promise.all(apis.map(metricsOf));
  after.forEach((m, i) => {
    const b = beforeUpdates[i];
    const seconds = m.fanoutSeconds - b.fanoutSeconds;
    const sockets = m.fanoutSockets - b.fanoutSockets;
    const broadcasts = m.fanouts - b.fanouts;
    console.log(
      `  API ${i + 1}: ${fmt(broadcasts)} broadcasts to ${fmt(sockets)} sockets took ${fmt(seconds * 1000)} ms in all: ${fmt((seconds * 1e6) / sockets, 1)} µs per subscriber per event (execution included); process CPU ${fmt((m.cpu - b.cpu) * 1000)} ms (user ${fmt((m.cpuUser - b.cpuUser) * 1000)} ms) for ${UPDATES} updates; RSS ${fmt(m.rss / MB)} MB, heap ${fmt(m.heap / MB)} MB`,
    );
  });
  await Promise.all(workers.map((w) => ask(w, { type: "close" }, "closed")));

  // 100 slow readers on the first process: subscribed, then their sockets stop reading; updates go on.
  await new Promise((r) => setTimeout(r, 2_000));
  const calm = await metricsOf(first);
  const slow = [];
  await Promise.all(
    Array.from(
      { length: SLOW_READERS },
      () =>
        new Promise((resolve, reject) => {
          const s = new WebSocket(wsUrls[0], "graphql-transport-ws");
          slow.push(s);
          s.on("error", () => {});
          s.once("error", reject);
          s.on("open", () => s.send('{"type":"connection_init","payload":{}}'));
          s.on("message", (data) => {
            if (!data.includes('"connection_ack"')) return;
            s.send(
              JSON.stringify({
                id: "p",
                type: "subscribe",
                payload: {
                  query: `subscription { statusPageChanged { activeIncidents { id title updates { message createdAt } } } }`,
                },
              }),
            );
            setTimeout(() => {
              s._socket.pause();
              resolve();
            }, 200);
          });
        }),
    ),
  );
  const SLOW_UPDATES = Number(process.env.BENCH_SLOW_UPDATES ?? 150);
  const long = "x".repeat(4_900);
  let peak = calm.rss;
  let peakBuffered = 0;
  for (let u = 0; u < SLOW_UPDATES; u++) {
    await post(incidents[1 + (u % 4)], `${u} ${long}`);
    if (u % 10 === 9) {
      const m = await metricsOf(first);
      peak = Math.max(peak, m.rss);
      peakBuffered = Math.max(peakBuffered, m.buffered);
    }
  }
  await new Promise((r) => setTimeout(r, 2_000));
  const end = await metricsOf(first);
  const page = await first.gql(`{ statusPage { activeIncidents { id title updates { message createdAt } } } }`);
  const pageBytes = JSON.stringify(page).length;
  console.log(
    `${SLOW_READERS} slow readers (sockets that stop reading) on one API process, ${SLOW_UPDATES} updates, page grown to ${fmt(pageBytes / 1024)} kB; load ${load()}`,
  );
  console.log(
    `  RSS ${fmt(calm.rss / MB)} MB before → peak ${fmt(peak / MB)} MB → ${fmt(end.rss / MB)} MB after; unsent bytes at most ${fmt(peakBuffered / MB, 1)} MB; closed as slow readers ${fmt(end.slowClosed)}`,
  );
  const bounded = end.slowClosed >= SLOW_READERS && peak - calm.rss < SLOW_READERS * 2 * MB + 200 * MB;
  console.log(
    `  (target: every slow reader closed and memory bounded by WS_MAX_BUFFERED_BYTES (1 MB) per socket: ${bounded ? "met" : "NOT met"})`,
  );
  for (const s of slow) s.terminate();
} finally {
  await Promise.all(workers.map((w) => w.terminate()));
  await first.stop();
  await second.stop();
  await db.stop();
}
