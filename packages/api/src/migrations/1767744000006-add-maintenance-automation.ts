import type { MigrationInterface, QueryRunner } from "typeorm";
import { BOSS_SCHEMA } from "../platform/timers/queues.js";

/**
 * A scheduled maintenance starts and completes by itself (unless told not to) and reminds the status
 * page's subscribers before it starts: three settings per window and one queue for its deadlines.
 * Windows that exist already keep the defaults; their deadlines are queued when they are next updated.
 */
export class AddMaintenanceAutomation1767744000006 implements MigrationInterface {
  name = "AddMaintenanceAutomation1767744000006";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE scheduled_maintenance
        ADD COLUMN auto_start boolean NOT NULL DEFAULT true,
        ADD COLUMN auto_complete boolean NOT NULL DEFAULT true,
        ADD COLUMN remind_before_minutes int NOT NULL DEFAULT 60
          CHECK (remind_before_minutes BETWEEN 0 AND 10080);
    `);
    await q.query(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2::jsonb)`, [
      "maintenance-timer",
      JSON.stringify({ policy: "short", retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`SELECT ${BOSS_SCHEMA}.delete_queue($1)`, ["maintenance-timer"]);
    await q.query(`
      ALTER TABLE scheduled_maintenance
        DROP COLUMN auto_start, DROP COLUMN auto_complete, DROP COLUMN remind_before_minutes;
    `);
  }
}
