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

export async function migrate(ds: DataSource): Promise<void> {
  await ds.runMigrations({ transaction: "each" });
}
