import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Request counts per caller and window, shared by every API process (rate-limiter-flexible's layout).
 * UNLOGGED: counts lost in a crash only reset some windows early, and writes skip the WAL.
 */
export class AddRateLimit1767571100000 implements MigrationInterface {
  name = "AddRateLimit1767571100000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE INDEX rate_limit_expire_idx ON rate_limit (expire);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
  }
}
