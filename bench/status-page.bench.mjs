// statusPage throughput beside a bare Apollo Server, and postStatusUpdate → 1,000 WebSocket subscribers.
import { loadavg } from "node:os";
import { join } from "node:path";
import WebSocket from "ws";
import { createClient } from "graphql-ws";
import { benchDatabase, fmt, freePort, load, percentile, root, startApiProcess } from "./lib.mjs";

const { ApolloServer } = await import(join(root, "packages/api/node_modules/@apollo/server/dist/esm/index.js"));
const { startStandaloneServer } = await import(
  join(root, "packages/api/node_modules/@apollo/server/dist/esm/standalone/index.js")
);

const db = await benchDatabase();
// As deployed, except for the per-address caps: the 1,000 subscribers below all come from 127.0.0.1 (at most
// 100 sockets per address otherwise, and their subscribe messages would spend its rate limit); those caps
// are measured in edge.bench.mjs.
const api = await startApiProcess(db.url, { WS_MAX_CONNECTIONS_PER_CLIENT: "2000", RATE_LIMIT_BURST: "1000000" });
try {
  // A page worth reading: 12 components in 3 groups, 5 active incidents with updates.
  const componentIds = [];
  for (let i = 0; i < 12; i++) {
    const { createComponent } = await api.gql(
      `mutation($i: CreateComponentInput!) { createComponent(input: $i) { id } }`,
      {
        i: { name: `Component ${i}`, group: `Group ${i % 3}`, position: i },
      },
    );
    componentIds.push(createComponent.id);
  }
  const incidents = [];
  for (let i = 0; i < 5; i++) {
    const { reportIncident } = await api.gql(
      `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`,
      {
        i: { title: `Incident ${i}`, severity: "SEV3", componentIds: [componentIds[i]] },
      },
    );
    incidents.push(reportIncident.id);
    for (let u = 0; u < 3; u++)
      await api.gql(
        `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: INVESTIGATING, message: "Still looking", visibility: PUBLIC }) { id } }`,
        { id: reportIncident.id },
      );
  }

  const statusQuery = JSON.stringify({
    query: `{ statusPage { indicator description updatedAt components { id name status group }
      activeIncidents { id title status impact updates { message createdAt } } } }`,
  });
  const ours = await load({
    url: `${api.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: statusQuery,
  });

  const bare = new ApolloServer({
    typeDefs: "type Query { hello: String }",
    resolvers: { Query: { hello: () => "world" } },
  });
  const barePort = await freePort();
  const { url: bareUrl } = await startStandaloneServer(bare, { listen: { port: barePort, host: "127.0.0.1" } });
  const baseline = await load({
    url: bareUrl,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ hello }" }),
  });
  await bare.stop();

  console.log("statusPage over HTTP, 50 connections");
  console.log(
    `  Liaison statusPage      ${fmt(ours.requests.average)} req/s   p99 ${ours.latency.p99} ms   errors ${ours.errors + ours.non2xx}`,
  );
  console.log(`  bare Apollo { hello }   ${fmt(baseline.requests.average)} req/s   p99 ${baseline.latency.p99} ms`);
  console.log(
    `  ratio                   ${fmt(ours.requests.average / baseline.requests.average, 2)}x  (target >= 1.5x)`,
  );

  // Fan-out: 1,000 subscribers to one incident; latency from the mutation's send to each delivery.
  const target = incidents[0];
  const wsUrl = `${api.url.replace("http", "ws")}/graphql`;
  const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
  const UPDATES = 20;
  const latencies = [];
  let sentAt = 0;
  let delivered = 0;
  const clients = [];
  let waiting = null;
  await Promise.all(
    Array.from({ length: SUBSCRIBERS }, () => {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => {},
      });
      clients.push(client);
      return new Promise((resolve) => {
        client.on("connected", resolve);
        client.subscribe(
          {
            query: `subscription($id: ID) { incidentUpdated(incidentId: $id) { id status updates { id message } } }`,
            variables: { id: target },
          },
          {
            next: () => {
              latencies.push(performance.now() - sentAt);
              delivered++;
              if (delivered % SUBSCRIBERS === 0) waiting?.();
            },
            error: () => {},
            complete: () => {},
          },
        );
      });
    }),
  );
  await new Promise((r) => setTimeout(r, 1000)); // let every subscribe message reach the server
  for (let u = 0; u < UPDATES; u++) {
    const done = new Promise((r) => (waiting = r));
    sentAt = performance.now();
    await api.gql(
      `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, message: "Fan-out ${u}", visibility: PUBLIC }) { id } }`,
      { id: target },
    );
    await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
  }
  latencies.sort((a, b) => a - b);
  console.log(`postStatusUpdate → ${SUBSCRIBERS} WebSocket subscribers, ${UPDATES} updates`);
  console.log(`  delivered ${delivered} of ${SUBSCRIBERS * UPDATES}`);
  console.log(
    `  p50 ${fmt(percentile(latencies, 50), 1)} ms   p99 ${fmt(percentile(latencies, 99), 1)} ms   max ${fmt(latencies.at(-1) ?? NaN, 1)} ms  (target p99 <= 200 ms)`,
  );
  await Promise.all(clients.map((c) => c.dispose()));

  // Writes: postStatusUpdate back to back over the five incidents (each publishes the incident, clears the
  // caches in every process through NOTIFY, and queues the next cadence reminder).
  let n = 0;
  const writes = { ok: 0, failed: 0 };
  const updates = await load({
    url: `${api.url}/graphql`,
    connections: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => ({
          ...req,
          headers: { "content-type": "application/json", authorization: `Bearer ${api.adminToken}` },
          body: JSON.stringify({
            query: `mutation($id: ID!, $m: String!) { postStatusUpdate(incidentId: $id, input: { status: IDENTIFIED, message: $m, visibility: PUBLIC }) { id } }`,
            variables: { id: incidents[n % incidents.length], m: `Write ${n++}` },
          }),
        }),
        onResponse: (status, body) => {
          if (status === 200 && !body.includes('"errors"')) writes.ok++;
          else writes.failed++;
        },
      },
    ],
  });
  console.log(`postStatusUpdate throughput, 10 connections over 5 incidents`);
  console.log(
    `  ${fmt(updates.requests.average)} updates/s   p50 ${updates.latency.p50} ms   p99 ${updates.latency.p99} ms   ` +
      `(${fmt(writes.ok)} posted, ${fmt(writes.failed)} failed; load average ${loadavg()[0].toFixed(1)})`,
  );
} finally {
  await api.stop();
  await db.stop();
}
