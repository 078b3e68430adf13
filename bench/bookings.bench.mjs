// bookSession throughput through GraphQL: contended (one account, one capped activity) and uncontended
// (many accounts), each followed by a check that the caps held exactly.
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { benchDatabase, fmt, load, root, startApiProcess } from "./lib.mjs";

const pg = (await import(join(root, "packages/api/node_modules/pg/lib/index.js"))).default;

const ATTEMPTS = Number(process.env.BENCH_BOOKINGS ?? 10000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 500);
const CAP = 6; // Gold Services: Integration Consultations per contract year
const TARGET = 1000;

const DAY = 86_400_000;
const BOOK = `mutation($input: BookSessionInput!) { bookSession(input: $input) { id } }`;

const db = await benchDatabase();
// The per-caller rate limit is measured elsewhere; here every attempt must reach the booking rules.
const api = await startApiProcess(db.url, { RATE_LIMIT_PER_SECOND: "0", LOG_LEVEL: "error" });
const sql = new pg.Client({ connectionString: db.url });
await sql.connect();
try {
  // Ten CSEs who work around the clock, so any half hour can be booked, by several accounts at once.
  for (let i = 0; i < 10; i++) {
    const { createUser } = await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } } }`, {
      i: { name: `CSE ${i}`, email: `cse${i}@bench.example`, role: "CUSTOMER_SUCCESS_ENGINEER" },
    });
    await api.gql(
      `mutation($id: ID!, $i: SetWorkingHoursInput!) { setWorkingHours(userId: $id, input: $i) { userId } }`,
      {
        id: createUser.user.id,
        i: {
          timezone: "UTC",
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "00:00", end: "24:00" })),
        },
      },
    );
  }
  const subscriptionStartDate = new Date(Date.now() - 100 * DAY).toISOString().slice(0, 10);
  async function customerAccount(name) {
    const { createAccount } = await api.gql(`mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, {
      i: { name, tier: "GOLD_SERVICES", subscriptionStartDate, products: ["INCIDENT_MANAGEMENT"] },
    });
    const { createUser } = await api.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { token } }`, {
      i: {
        name: `${name} user`,
        email: `${name.replace(/\W/g, "")}@bench.example`,
        role: "CUSTOMER",
        accountId: createAccount.id,
      },
    });
    return { id: createAccount.id, token: createUser.token };
  }
  // Half-hour starts from tomorrow on, cycling through 9,000 of them (187 days): all in the accounts' current
  // contract year, so each account's cap is its cap for the whole run. Attempts compete for the cap, not a CSE.
  const firstSlot = Math.ceil((Date.now() + DAY) / (30 * 60_000)) * 30 * 60_000;
  const slot = (i) => new Date(firstSlot + (i % 9000) * 30 * 60_000).toISOString();

  async function run(label, pick, attempts = ATTEMPTS) {
    // Each run starts from the first slot again: ten CSEs cover the few bookings that share a half hour.
    let i = 0;
    const outcomes = {};
    const started = performance.now();
    let finished = started;
    const result = await load({
      url: api.url,
      connections: CONNECTIONS,
      amount: attempts,
      requests: [
        {
          method: "POST",
          path: "/graphql",
          setupRequest(req) {
            const n = i++;
            const { account, token } = pick(n);
            return {
              ...req,
              headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
              body: JSON.stringify({
                query: BOOK,
                variables: { input: { accountId: account, activity: "INTEGRATION_CONSULTATION", startsAt: slot(n) } },
              }),
            };
          },
          onResponse(status, body) {
            finished = performance.now();
            let code = `HTTP ${status}`;
            try {
              const parsed = JSON.parse(body);
              code = parsed.errors?.[0]?.extensions?.code ?? (parsed.data?.bookSession ? "OK" : code);
            } catch {
              // not JSON: keep the status
            }
            outcomes[code] = (outcomes[code] ?? 0) + 1;
          },
        },
      ],
    });
    // autocannon ends on its once-a-second tick: time the run from its start to the last response instead.
    const seconds = (finished - started) / 1000;
    const perSecond = result.requests.total / seconds;
    if (!label) return { perSecond, outcomes };
    console.log(`${label}`);
    console.log(
      `  ${fmt(perSecond)} attempts/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   ` +
        `(${fmt(result.requests.total)} attempts, ${CONNECTIONS} connections, ${fmt(seconds, 1)} s)`,
    );
    console.log(`  outcomes ${JSON.stringify(outcomes)}   (target >= ${fmt(TARGET)} attempts/s)`);
    return { perSecond, outcomes };
  }

  // Warm-up (JIT, pools, caches) on an account of its own, not measured.
  const warm = await customerAccount("Warm-up");
  await run(null, () => ({ account: warm.id, token: warm.token }), 2000);

  // Other work on the machine shares the CPUs with the API, PostgreSQL and the load generator.
  console.log(`machine: ${cpus().length} CPUs, load average ${fmt(loadavg()[0], 1)} before the runs`);

  // Contended: every attempt for one account and one capped activity.
  const one = await customerAccount("Contended");
  const contended = await run("bookSession, contended (1 account, Integration Consultations, cap 6)", () => ({
    account: one.id,
    token: one.token,
  }));
  const [{ n: oneCount }] = (
    await sql.query("SELECT count(*)::int AS n FROM cse_booking WHERE account_id = $1 AND status = 'CONFIRMED'", [
      one.id,
    ])
  ).rows;
  const contendedExact = oneCount === CAP && contended.outcomes.OK === CAP && !contended.outcomes.INTERNAL;
  console.log(`  cap exact: ${contendedExact ? "yes" : "NO"} (${oneCount} booked of ${CAP})`);

  // Uncontended: attempts spread over many accounts, each with its own customer.
  const many = [];
  for (let a = 0; a < ACCOUNTS; a++) many.push(await customerAccount(`Account ${a}`));
  const spread = await run(`bookSession, uncontended (${fmt(ACCOUNTS)} accounts, cap ${CAP} each)`, (n) => {
    const account = many[n % many.length];
    return { account: account.id, token: account.token };
  });
  const booked = new Map(
    (
      await sql.query(
        `SELECT account_id, count(*)::int AS n FROM cse_booking
          WHERE status = 'CONFIRMED' AND account_id = ANY($1::uuid[]) GROUP BY account_id`,
        [many.map((a) => a.id)],
      )
    ).rows.map((r) => [r.account_id, r.n]),
  );
  // Round robin: account a saw ⌊attempts/accounts⌋ attempts, one more for the first (attempts mod accounts).
  const expectedOf = (a) => Math.min(CAP, Math.floor(ATTEMPTS / ACCOUNTS) + (a < ATTEMPTS % ACCOUNTS ? 1 : 0));
  const wrong = many.filter((account, a) => (booked.get(account.id) ?? 0) !== expectedOf(a));
  const total = [...booked.values()].reduce((sum, n) => sum + n, 0);
  const spreadExact = wrong.length === 0 && !spread.outcomes.INTERNAL;
  console.log(
    `  caps exact: ${spreadExact ? "yes" : `NO (${wrong.length} accounts off)`} (${fmt(total)} booked over ${fmt(booked.size)} accounts, none above ${CAP})`,
  );
  if (!contendedExact || !spreadExact) process.exitCode = 1;
} finally {
  await sql.end();
  await api.stop();
  await db.stop();
}
