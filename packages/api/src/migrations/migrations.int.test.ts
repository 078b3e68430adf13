import { afterAll, beforeAll, expect, test } from "vitest";
import { createDataSource, migrate } from "../server/database.js";
import { createTestDatabase } from "../test/harness.js";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

test("every migration can be undone and applied again", async () => {
  const ds = createDataSource(database.url, { poolSize: 2 });
  await ds.initialize();
  const applied = (await ds.query("SELECT count(*)::int AS n FROM migrations"))[0].n as number;
  expect(applied).toBe(ds.migrations.length);
  for (let i = 0; i < applied; i++) await ds.undoLastMigration({ transaction: "each" });
  const left = await ds.query(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'",
  );
  expect(left[0].n).toBe(0);
  await ds.runMigrations({ transaction: "each" });
  expect(await ds.showMigrations()).toBe(false);
  await ds.destroy();
});

test("two API processes starting together on a new database both start (one crashed creating the migrations table twice)", async () => {
  const fresh = await createTestDatabase({ empty: true });
  const sources = [createDataSource(fresh.url, { poolSize: 2 }), createDataSource(fresh.url, { poolSize: 2 })];
  try {
    await Promise.all(sources.map((ds) => ds.initialize()));
    await Promise.all(sources.map((ds) => migrate(ds)));
    const [{ n }] = await sources[0]!.query("SELECT count(*)::int AS n FROM migrations");
    expect(n).toBe(sources[0]!.migrations.length);
    for (const ds of sources) expect(await ds.showMigrations()).toBe(false);
  } finally {
    await Promise.all(sources.map((ds) => ds.destroy()));
    await fresh.drop();
  }
});
