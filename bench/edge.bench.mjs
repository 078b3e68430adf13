// Anonymous worst cases at the edge, as in production (rate limit on): 50 connections sending the most
// expensive query the limits allow, then 300 subscriptions on one socket, while a second client (another
// address: 127.0.0.2) measures statusPage and /healthz. Targets: the second client's p99 < 50 ms.
import { request } from "node:http";
import { loadavg } from "node:os";
import WebSocket from "ws";
import { benchDatabase, fmt, load, percentile, startApiProcess } from "./lib.mjs";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const STATUS_QUERY = JSON.stringify({
  query: `{ statusPage { indicator description updatedAt components { id name status group }
    activeIncidents { id title status impact updates { message createdAt } } } }`,
});
const fields = "date uptime countedMs downtimeMs majorOutageMs partialOutageMs";
// Within the anonymous budget (2 × 366 days × 6 fields of each component); a comment busts the response cache.
const WORST = `{ statusPage { components { a: uptime(days: 366) { ${fields} } b: uptime(days: 365) { ${fields} } } } }`;
// The original report: 30 aliases of uptime(days: 366…337), within depth and alias limits.
const ATTACK = `{ statusPage { components { ${Array.from({ length: 30 }, (_, i) => `u${i}: uptime(days: ${366 - i}) { date uptime }`).join(" ")} } } }`;

/** One request from 127.0.0.2: another caller than the load, as a reader elsewhere would be. */
function timed(url, body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: body ? "POST" : "GET",
        localAddress: "127.0.0.2",
        headers: body ? { "content-type": "application/json" } : {},
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ ms: performance.now() - started, status: res.statusCode }));
      },
    );
    req.on("error", () => resolve({ ms: performance.now() - started, status: 0 }));
    req.end(body);
  });
}

/** The second client: statusPage and /healthz in turn until `until` resolves. */
async function observe(api, until) {
  const page = [];
  const health = [];
  let failures = 0;
  let done = false;
  until.then(() => (done = true));
  while (!done) {
    const a = await timed(`${api.url}/graphql`, STATUS_QUERY);
    const b = await timed(`${api.url}/healthz`);
    page.push(a.ms);
    health.push(b.ms);
    if (a.status !== 200 || b.status !== 200) failures++;
    await new Promise((r) => setTimeout(r, 20));
  }
  const line = (xs) => {
    xs.sort((x, y) => x - y);
    return `p50 ${fmt(percentile(xs, 50), 1)} ms   p99 ${fmt(percentile(xs, 99), 1)} ms   max ${fmt(xs.at(-1) ?? NaN, 1)} ms`;
  };
  return { page: line(page), health: line(health), samples: page.length, failures };
}

const statuses = (result) =>
  Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}: ${fmt(count)}`)
    .join(", ");

const db = await benchDatabase();
const api = await startApiProcess(db.url);
try {
  for (let i = 0; i < 12; i++)
    await api.gql(`mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`, {
      i: { name: `Component ${i}`, group: `Group ${i % 3}`, position: i },
    });
  for (let i = 0; i < 3; i++)
    await api.gql(`mutation { reportIncident(input: { title: "Incident ${i}", severity: SEV3 }) { id } }`);

  const probe = async (query) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    const body = await res.json();
    return body.errors
      ? `refused (${res.status} ${body.errors[0].extensions.code}: ${body.errors[0].message})`
      : "served";
  };
  console.log(`30-alias uptime query (the report), anonymous: ${await probe(ATTACK)}`);
  console.log(`worst query within the anonymous budget: ${await probe(WORST)}`);

  // Normal: the public page, cached, 50 connections.
  const normal = await load({
    url: `${api.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: STATUS_QUERY,
  });
  console.log(
    `normal statusPage, 50 connections: ${fmt(normal.requests.average)} req/s   p99 ${normal.latency.p99} ms   errors ${normal.errors + normal.non2xx}`,
  );

  // Worst case 1: 50 connections sending the worst query, each one different (no cache help).
  let n = 0;
  const flood = load({
    url: `${api.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ query: `${WORST} # ${n++}` }) }) }],
  });
  const seen = await observe(api, flood);
  const flooded = await flood;
  console.log(`50 connections sending the worst anonymous query (${SECONDS} s), from one address`);
  console.log(`  load: ${fmt(flooded.requests.average)} req/s answered — ${statuses(flooded)}`);
  console.log(
    `  second client statusPage  ${seen.page}   (${seen.samples} samples, ${seen.failures} failed; target p99 < 50 ms)`,
  );
  console.log(`  second client /healthz    ${seen.health}`);

  // Worst case 2: 300 distinct subscriptions on one anonymous socket, and changes to push to them.
  // From its own address (127.0.0.3): the flood above has spent 127.0.0.1's rate limit.
  const socket = new WebSocket(`${api.url.replace("http", "ws")}/graphql`, "graphql-transport-ws", {
    localAddress: "127.0.0.3",
  });
  await new Promise((r) => socket.once("open", r));
  const outcome = { next: 0, refused: new Map(), accepted: new Set() };
  const acked = new Promise((r) =>
    socket.on("message", (data) => {
      const m = JSON.parse(String(data));
      if (m.type === "connection_ack") r();
      if (m.type === "next") {
        outcome.accepted.add(m.id);
        outcome.next++;
      }
      if (m.type === "error") {
        const code = m.payload[0]?.extensions?.code ?? "?";
        outcome.refused.set(code, (outcome.refused.get(code) ?? 0) + 1);
      }
    }),
  );
  socket.send(JSON.stringify({ type: "connection_init", payload: {} }));
  await acked;
  for (let i = 0; i < 300; i++)
    socket.send(
      JSON.stringify({
        id: String(i),
        type: "subscribe",
        payload: {
          query: `subscription { statusPageChanged { components { a${i}: uptime(days: 366) { ${fields} } } } }`,
        },
      }),
    );
  await new Promise((r) => setTimeout(r, 500));
  let changes = 0;
  const churn = (async () => {
    const end = Date.now() + SECONDS * 1000;
    while (Date.now() < end) {
      await api.gql(`mutation { reportIncident(input: { title: "Churn ${changes++}", severity: SEV4 }) { id } }`);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const seen2 = await observe(api, churn);
  console.log(`300 subscriptions attempted on one anonymous socket, ${changes} changes in ${SECONDS} s`);
  console.log(
    `  accepted ${outcome.accepted.size}, refused ${[...outcome.refused].map(([c, k]) => `${k} ${c}`).join(", ")}; ` +
      `${fmt(outcome.next)} results pushed to the socket`,
  );
  console.log(`  second client statusPage  ${seen2.page}   (${seen2.samples} samples; target p99 < 50 ms)`);
  console.log(`  second client /healthz    ${seen2.health}`);
  socket.close();
  console.log(
    `uptime load: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} (2 cores)`,
  );
} finally {
  await api.stop();
  await db.stop();
}
