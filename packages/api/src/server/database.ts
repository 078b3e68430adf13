import { DataSource } from "typeorm";
import { migrations } from "../migrations/index.js";
import { entities } from "./entities.js";

export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: "each",
    logging: false,
    extra: { max: options.poolSize ?? 20 },
  });
}

/** Any constant both sides agree on: the advisory lock under which API processes migrate, one at a time. */
const MIGRATION_LOCK = 7_412_873_001;

/**
 * Applies pending migrations, each in its own transaction. Processes starting together take turns
 * (a session advisory lock on a connection of its own): the later ones find nothing left to do.
 */
export async function migrate(ds: DataSource): Promise<void> {
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await ds.runMigrations({ transaction: "each" });
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
  }
}
