import type { MigrationInterface, QueryRunner } from "typeorm";

/** Corrections of status updates and reports: the current text stays in place, every earlier one is kept. */
export class AddIncidentCorrections1767657600001 implements MigrationInterface {
  name = "AddIncidentCorrections1767657600001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE incident_update ADD COLUMN edited_at timestamptz,
        ADD CONSTRAINT incident_update_edited_after_created CHECK (edited_at >= created_at);
      CREATE TABLE incident_update_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        update_id uuid NOT NULL REFERENCES incident_update(id) ON DELETE CASCADE,
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
        edited_at timestamptz NOT NULL,
        edited_by_id uuid REFERENCES app_user(id)
      );
      CREATE INDEX incident_update_revision_update_idx ON incident_update_revision (update_id, edited_at);

      ALTER TABLE incident_report ADD COLUMN revised_at timestamptz,
        ADD CONSTRAINT incident_report_revised_after_published CHECK (revised_at >= published_at);
      CREATE TABLE incident_report_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES incident_report(id) ON DELETE CASCADE,
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 20000),
        root_cause text,
        action_items text[] NOT NULL DEFAULT '{}',
        revised_at timestamptz NOT NULL,
        revised_by_id uuid REFERENCES app_user(id)
      );
      CREATE INDEX incident_report_revision_report_idx ON incident_report_revision (report_id, revised_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE incident_report_revision;
      ALTER TABLE incident_report DROP CONSTRAINT incident_report_revised_after_published, DROP COLUMN revised_at;
      DROP TABLE incident_update_revision;
      ALTER TABLE incident_update DROP CONSTRAINT incident_update_edited_after_created, DROP COLUMN edited_at;
    `);
  }
}
