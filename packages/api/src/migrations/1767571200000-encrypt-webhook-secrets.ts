import type { MigrationInterface, QueryRunner } from "typeorm";
import { loadSecretsKey } from "../platform/config.js";
import { SecretBox } from "../platform/secrets.js";

// Fixed here, not imported: what this migration wrote must stay readable whatever the module becomes.
const PURPOSE = "webhook_endpoint.secret";
const SEALED = String.raw`^v1:[A-Za-z0-9+/]+={0,2}:[A-Za-z0-9+/]+={0,2}$`;
const PLAIN = String.raw`^whsec_[A-Za-z0-9+/=]+$`;

/**
 * Webhook signing secrets sealed at rest with SECRETS_KEY (AES-256-GCM, `v1:<nonce>:<ciphertext+tag>`).
 * Both directions need the key the API runs with: it is read from the environment as the API reads it
 * (SECRETS_KEY; required under NODE_ENV=production, the development key otherwise).
 */
export class EncryptWebhookSecrets1767571200000 implements MigrationInterface {
  name = "EncryptWebhookSecrets1767571200000";

  async up(q: QueryRunner): Promise<void> {
    const box = new SecretBox(loadSecretsKey());
    await q.query(`ALTER TABLE webhook_endpoint DROP CONSTRAINT webhook_endpoint_secret_check`);
    const rows = (await q.query(`SELECT id, secret FROM webhook_endpoint`)) as { id: string; secret: string }[];
    for (const row of rows)
      await q.query(`UPDATE webhook_endpoint SET secret = $2 WHERE id = $1`, [row.id, box.seal(row.secret, PURPOSE)]);
    await q.query(
      `ALTER TABLE webhook_endpoint ADD CONSTRAINT webhook_endpoint_secret_check CHECK (secret ~ '${SEALED}')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const box = new SecretBox(loadSecretsKey());
    await q.query(`ALTER TABLE webhook_endpoint DROP CONSTRAINT webhook_endpoint_secret_check`);
    const rows = (await q.query(`SELECT id, secret FROM webhook_endpoint`)) as { id: string; secret: string }[];
    for (const row of rows)
      await q.query(`UPDATE webhook_endpoint SET secret = $2 WHERE id = $1`, [row.id, box.open(row.secret, PURPOSE)]);
    await q.query(
      `ALTER TABLE webhook_endpoint ADD CONSTRAINT webhook_endpoint_secret_check CHECK (secret ~ '${PLAIN}')`,
    );
  }
}
