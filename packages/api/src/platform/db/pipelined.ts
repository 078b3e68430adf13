import pg from "pg";
import type { DataSource } from "typeorm";

/**
 * A few connections beside TypeORM's pool, in node-postgres's pipeline mode: statements sent together
 * (without awaiting each) travel to PostgreSQL in one round trip and run in order, each with its own
 * snapshot under READ COMMITTED, as if sent one by one. Used for hot reads outside transactions (a
 * booking's first look at its ledger), as prepared statements.
 *
 * One pool per DataSource, made on first use and ended with `endPipelinedPool` (the app's stop).
 */
const pools = new WeakMap<DataSource, pg.Pool>();

function pipelinedPool(db: DataSource): pg.Pool {
  let pool = pools.get(db);
  if (!pool) {
    const options = db.options as { url?: string };
    pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      pipeline: true,
      allowExitOnIdle: true,
      connectionTimeoutMillis: 5_000,
    });
    // An idle connection lost in an outage is an 'error' event on the pool: it is dropped, the next checkout reconnects.
    pool.on("error", () => {});
    pools.set(db, pool);
  }
  return pool;
}

export async function endPipelinedPool(db: DataSource): Promise<void> {
  const pool = pools.get(db);
  pools.delete(db);
  await pool?.end();
}

/**
 * One statement on a pipelined connection, outside any transaction. With a `name`, PostgreSQL parses it
 * once per connection and keeps its plan (a prepared statement): for hot reads, about half their cost.
 */
export async function pipelinedQuery<R extends pg.QueryResultRow>(
  db: DataSource,
  statement: { name?: string; text: string; values: unknown[] },
): Promise<pg.QueryResult<R>> {
  const client = await pipelinedPool(db).connect();
  let broken: Error | undefined;
  try {
    return await client.query<R>(statement);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError)) broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
