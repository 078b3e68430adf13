import type { MigrationInterface, QueryRunner } from "typeorm";

/** A person's own time zone for the times in their reminders and pages; null means the organization's. */
export class AddUserTimezone1767657600003 implements MigrationInterface {
  name = "AddUserTimezone1767657600003";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN timezone text CHECK (length(timezone) BETWEEN 1 AND 100);`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN timezone;`);
  }
}
