import { afterAll, beforeAll, expect, test } from "vitest";
import { createDataSource, migrate } from "../server/database.js";
import { createTestDatabase } from "../test/harness.js";
import { loadSecretsKey } from "../platform/config.js";
import { SecretBox } from "../platform/secrets.js";
import { WEBHOOK_SECRET_PURPOSE } from "../modules/notifications/index.js";
import { EncryptWebhookSecrets1767571200000 } from "./1767571200000-encrypt-webhook-secrets.js";

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

test("webhook signing secrets stored before encryption are sealed by the migration, and unsealed by its down", async () => {
  const own = await createTestDatabase();
  const ds = createDataSource(own.url, { poolSize: 2 });
  await ds.initialize();
  try {
    const undoThrough = async (name: string) => {
      for (;;) {
        const [last] = await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
        await ds.undoLastMigration({ transaction: "each" });
        if (last.name === name) return;
      }
    };
    await undoThrough(EncryptWebhookSecrets1767571200000.name);
    const plain = "whsec_cGxhaW50ZXh0LXNlY3JldC1mcm9tLWJlZm9yZQ==";
    const [user] = await ds.query(
      `INSERT INTO app_user (name, email, role) VALUES ('Old', 'old@example.test', 'RESPONDER') RETURNING id`,
    );
    const [endpoint] = await ds.query(
      `INSERT INTO webhook_endpoint (user_id, url, secret, created_at) VALUES ($1, 'https://example.test/hook', $2, now()) RETURNING id`,
      [user.id, plain],
    );
    const stored = async () =>
      (await ds.query(`SELECT secret FROM webhook_endpoint WHERE id = $1`, [endpoint.id]))[0].secret as string;

    await ds.runMigrations({ transaction: "each" });
    const sealed = await stored();
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain(plain.slice("whsec_".length));
    expect(new SecretBox(loadSecretsKey()).open(sealed, WEBHOOK_SECRET_PURPOSE)).toBe(plain);
    await expect(ds.query(`UPDATE webhook_endpoint SET secret = $1`, [plain])).rejects.toThrow(/check constraint/);

    await undoThrough(EncryptWebhookSecrets1767571200000.name);
    expect(await stored()).toBe(plain);
    await ds.runMigrations({ transaction: "each" });
  } finally {
    await ds.destroy();
    await own.drop();
  }
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
