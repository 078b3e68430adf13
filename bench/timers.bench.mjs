// Durable timers: 10,000 tickets with open SLA deadlines (a warning 1 minute before, the breach at
// 2 minutes) on the built API with its pg-boss workers; how late their notifications arrive.
// Target: p99 lateness ≤ 1 s. Lateness = notification created_at − the instant it was due.
import { join } from "node:path";
import { benchDatabase, fmt, percentile, root, startApiProcess } from "./lib.mjs";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 10_000);
const CONCURRENCY = 32;
const pg = (await import(join(root, "packages/api/node_modules/pg/lib/index.js"))).default;

const db = await benchDatabase();
const api = await startApiProcess(db.url, { RATE_LIMIT_PER_SECOND: "0" });
const client = new pg.Client({ connectionString: db.url });
await client.connect();
try {
  const { createUser } = await api.gql(
    `mutation { createUser(input: { name: "Agent", email: "agent@bench.test", role: SUPPORT_AGENT }) { user { id } token } }`,
  );
  const agent = createUser.user.id;
  await api.gql(
    `mutation { updateNotificationPreferences(input: { leadMinutes: [1] }) { leadMinutes } }`,
    {},
    createUser.token,
  );
  await api.gql(`mutation { updateSlaPolicy(priority: P1, input: { firstResponseMinutes: 2, nextResponseMinutes: 60,
    schedule: { kind: TWENTY_FOUR_SEVEN } }) { priority } }`);
  const { rows } = await client.query(
    `INSERT INTO account (name, tier, subscription_start_date) VALUES ('Bench', 'GOLD_SERVICES', '2026-01-01') RETURNING id`,
  );
  const accountId = rows[0].id;

  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TICKETS) {
        next += 1;
        await api.gql(
          `mutation($a: ID!, $u: ID) { openTicket(input: { accountId: $a, subject: "Bench", priority: P1, assigneeId: $u }) { id } }`,
          { a: accountId, u: agent },
        );
      }
    }),
  );
  const openedIn = (Date.now() - started) / 1000;
  const pending = await client.query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'sla-timer' AND state < 'active'`,
  );
  console.log(`${fmt(TICKETS)} tickets opened in ${fmt(openedIn, 1)} s; ${fmt(pending.rows[0].n)} deadlines queued`);

  const expected = TICKETS * 2;
  const deadline = Date.now() + 5 * 60_000;
  let count = 0;
  while (Date.now() < deadline) {
    count = (await client.query(`SELECT count(*)::int AS n FROM notification`)).rows[0].n;
    if (count >= expected) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const lateness = (
    await client.query(
      `SELECT extract(epoch FROM created_at - CASE kind WHEN 'SLA_WARNING' THEN due_at - interval '1 minute' ELSE due_at END) * 1000 AS ms
         FROM notification`,
    )
  ).rows
    .map((r) => Number(r.ms))
    .sort((a, b) => a - b);
  const dup = (
    await client.query(
      `SELECT count(*)::int AS n FROM (SELECT dedup_key FROM notification GROUP BY 1 HAVING count(*) > 1) d`,
    )
  ).rows[0].n;
  console.log(`notifications: ${fmt(count)} of ${fmt(expected)} expected; duplicates: ${dup}`);
  console.log(
    `lateness: p50 ${fmt(percentile(lateness, 50))} ms, p99 ${fmt(percentile(lateness, 99))} ms, max ${fmt(lateness.at(-1) ?? NaN)} ms (target p99 ≤ 1,000 ms)`,
  );
} finally {
  await client.end();
  await api.stop();
  await db.stop();
}
