// Status page subscribers: one PUBLIC update to 10,000 confirmed email subscribers and 1,000 webhook
// subscribers (inserted in SQL), on the built API with its pg-boss workers, a local SMTP sink (smtp-server)
// and local HTTP receivers. Measures the time until the last mail is accepted and the last webhook answered,
// and anonymous `statusPage` latency meanwhile (autocannon, 500 requests a second). Targets: all within 60 s; statusPage p99 < 50 ms.
import { randomBytes, createHash } from "node:crypto";
import { createServer } from "node:http";
import { join } from "node:path";
import autocannon from "autocannon";
import { benchDatabase, fmt, root, startApiProcess } from "./lib.mjs";

const EMAILS = Number(process.env.BENCH_EMAIL_SUBSCRIBERS ?? 10_000);
const HOOKS = Number(process.env.BENCH_WEBHOOK_SUBSCRIBERS ?? 1_000);
const TIMEOUT_MS = 300_000;
const STATUS_RATE = Number(process.env.BENCH_STATUS_RATE ?? 500);
const pg = (await import(join(root, "packages/api/node_modules/pg/lib/index.js"))).default;
const { SecretBox } = await import(join(root, "packages/api/dist/platform/secrets.js"));
const { startMailCatcher } = await import(join(root, "packages/api/dist/platform/mail-catcher.js"));

const secretsKey = randomBytes(32);
const box = new SecretBox(secretsKey);
const catcher = await startMailCatcher({ keep: 10 });
let hooksAnswered = 0;
let lastHookAt = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(204);
    res.end();
    hooksAnswered += 1;
    lastHookAt = Date.now();
  });
});
await new Promise((r) => receiver.listen(0, "127.0.0.1", r));
const hookBase = `http://127.0.0.1:${receiver.address().port}`;

const db = await benchDatabase();
const api = await startApiProcess(db.url, {
  RATE_LIMIT_PER_SECOND: "0",
  SECRETS_KEY: secretsKey.toString("base64"),
  // A local sink answers at once: more connections than the default 10 pay off (BENCH_SMTP_CONNECTIONS).
  SMTP_URL: `${catcher.url}?maxConnections=${process.env.BENCH_SMTP_CONNECTIONS ?? 30}`,
  MAIL_FROM: "Bench Status <status@bench.test>",
  STATUS_SITE_URL: "https://status.bench.test",
  WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
});
const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  const { createComponent } = await api.gql(`mutation { createComponent(input: { name: "Bench API" }) { id } }`);
  const componentId = createComponent.id;
  const token = () => {
    const t = randomBytes(32).toString("base64url");
    return {
      hash: createHash("sha256").update(t).digest("hex"),
      sealed: box.seal(t, "status_subscriber.unsubscribe_token"),
    };
  };
  const started = Date.now();
  const rows = { channel: [], email: [], url: [], hash: [], sealed: [], secret: [], components: [] };
  for (let i = 0; i < EMAILS + HOOKS; i++) {
    const hook = i >= EMAILS;
    const t = token();
    rows.channel.push(hook ? "WEBHOOK" : "EMAIL");
    rows.email.push(hook ? null : `subscriber-${i}@bench.test`);
    rows.url.push(hook ? `${hookBase}/hook/${i}` : null);
    rows.hash.push(t.hash);
    rows.sealed.push(t.sealed);
    rows.secret.push(
      hook ? box.seal(`whsec_${randomBytes(24).toString("base64")}`, "status_subscriber.webhook_secret") : null,
    );
    // Half chose the component, half chose none (all news): both hear of it.
    rows.components.push(i % 2 === 0 ? `{${componentId}}` : "{}");
  }
  await client.query(
    `INSERT INTO status_subscriber (channel, email, webhook_url, unsubscribe_token_hash, unsubscribe_token, webhook_secret,
                                    component_ids, confirmed_at, created_at)
     SELECT c, e, u, h, s, w, cs::uuid[], now(), now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS t(c, e, u, h, s, w, cs)`,
    [rows.channel, rows.email, rows.url, rows.hash, rows.sealed, rows.secret, rows.components],
  );
  // Subscribers of another component only: they must hear nothing.
  const { createComponent: other } = await api.gql(`mutation { createComponent(input: { name: "Elsewhere" }) { id } }`);
  await client.query(
    `INSERT INTO status_subscriber (channel, email, unsubscribe_token_hash, unsubscribe_token, component_ids, confirmed_at, created_at)
     SELECT 'EMAIL', 'other-' || g || '@bench.test', md5(random()::text || g), $2, ARRAY[$1::uuid], now(), now()
       FROM generate_series(1, 500) g`,
    [other.id, token().sealed],
  );
  console.log(
    `${fmt(EMAILS)} email + ${fmt(HOOKS)} webhook subscribers inserted in ${fmt((Date.now() - started) / 1000, 1)} s (+500 of another component)`,
  );

  const { reportIncident } = await api.gql(
    `mutation($c: ID!) { reportIncident(input: { title: "Bench outage", severity: SEV3, componentIds: [$c] }) { id } }`,
    { c: componentId },
  );
  const body = JSON.stringify({
    query: "{ statusPage { indicator description components { id name status } activeIncidents { id title } } }",
  });
  const latencies = autocannon({
    url: `${api.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    // A steady public load (not a flood: a flood would measure how the API shares one CPU between
    // serving it and delivering, and starve the delivery): BENCH_STATUS_RATE requests a second.
    connections: 10,
    overallRate: STATUS_RATE,
    duration: 600,
  });
  let loadResult = null;
  const loadDone = new Promise((resolve) => latencies.on("done", (r) => resolve((loadResult = r))));
  await new Promise((r) => setTimeout(r, 1000)); // the load runs before the update goes out

  const t0 = Date.now();
  await api.gql(
    `mutation($id: ID!) { postStatusUpdate(incidentId: $id, input: { status: INVESTIGATING, visibility: PUBLIC, message: "Requests fail for some customers" }) { id } }`,
    { id: reportIncident.id },
  );
  const postedMs = Date.now() - t0;
  while (Date.now() - t0 < TIMEOUT_MS) {
    if (catcher.accepted().count >= EMAILS && hooksAnswered >= HOOKS) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  latencies.stop();
  await loadDone;
  const mails = catcher.accepted();
  const mailSeconds = mails.lastAt ? (mails.lastAt.getTime() - t0) / 1000 : NaN;
  const hookSeconds = lastHookAt ? (lastHookAt - t0) / 1000 : NaN;
  const all = Math.max(mailSeconds, hookSeconds);
  const dup = (
    await client.query(
      `SELECT count(*)::int AS sent, count(DISTINCT subscriber_id)::int AS subscribers FROM subscriber_delivery WHERE status = 'SENT' AND event_id LIKE 'incident-update:%'`,
    )
  ).rows[0];
  const p99 = loadResult.latency.p99;
  console.log(`postStatusUpdate answered in ${fmt(postedMs)} ms`);
  console.log(`mail: ${fmt(mails.count)} of ${fmt(EMAILS)} accepted, the last after ${fmt(mailSeconds, 1)} s`);
  console.log(`webhooks: ${fmt(hooksAnswered)} of ${fmt(HOOKS)} answered, the last after ${fmt(hookSeconds, 1)} s`);
  console.log(
    `deliveries SENT: ${fmt(dup.sent)} to ${fmt(dup.subscribers)} subscribers (duplicates: ${fmt(dup.sent - dup.subscribers)})`,
  );
  console.log(
    `all delivered in ${fmt(all, 1)} s (target ≤ 60 s: ${all <= 60 && mails.count >= EMAILS && hooksAnswered >= HOOKS ? "met" : "NOT met"})`,
  );
  console.log(
    `statusPage meanwhile: ${fmt(loadResult.requests.average)} req/s, p50 ${fmt(loadResult.latency.p50)} ms, p99 ${fmt(p99)} ms (target p99 < 50 ms: ${p99 < 50 ? "met" : "NOT met"}); ${loadResult.non2xx} non-2xx`,
  );
} finally {
  await client.end();
  await api.stop();
  await db.stop();
  await catcher.stop();
  receiver.close();
}
