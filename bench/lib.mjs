// Shared helpers for benchmarks: a real PostgreSQL, the built API as a child process, autocannon.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, chmod, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

export const root = fileURLToPath(new URL("..", import.meta.url));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** BENCH_DATABASE_URL's server (a fresh database on it), else an embedded PostgreSQL. */
export async function benchDatabase() {
  const { startEmbeddedPostgres } = await import(join(root, "packages/api/dist/platform/db/embedded.js"));
  const pg = (await import(join(root, "packages/api/node_modules/pg/lib/index.js"))).default;
  const given = process.env.BENCH_DATABASE_URL;
  if (given) {
    const name = `liaison_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: given });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(given);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async stop() {
        const c = new pg.Client({ connectionString: given });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), "liaison-bench-"));
  await chmod(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: join(dir, "data"), port: await freePort(), persistent: false });
  return {
    url: db.url,
    async stop() {
      await db.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The built API in its own process, as deployed. */
export async function startApiProcess(databaseUrl, extraEnv = {}) {
  const port = await freePort();
  const adminToken = `bench-admin-${process.pid}-token-value`;
  const child = spawn(process.execPath, [join(root, "packages/api/dist/main.js")], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      ADMIN_TOKEN: adminToken,
      NODE_ENV: "production",
      SECRETS_KEY: randomBytes(32).toString("base64"),
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    adminToken,
    async gql(query, variables = {}, token = adminToken) {
      const res = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.kill("SIGTERM");
      }),
  };
}

export function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: 50, duration: Number(process.env.BENCH_SECONDS ?? 10), ...options }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

export const fmt = (n, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
