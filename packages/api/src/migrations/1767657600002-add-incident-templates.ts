import type { MigrationInterface, QueryRunner } from "typeorm";

/** Incident templates: words prepared ahead for reporting incidents and posting their updates. */
export class AddIncidentTemplates1767657600002 implements MigrationInterface {
  name = "AddIncidentTemplates1767657600002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE incident_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        title text CHECK (length(title) BETWEEN 1 AND 200),
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
        severity text CHECK (severity IN ('SEV1','SEV2','SEV3','SEV4')),
        component_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(component_ids) <= 100),
        visibility text CHECK (visibility IN ('PUBLIC','INTERNAL')),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE UNIQUE INDEX incident_template_name_key ON incident_template (lower(name));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incident_template;`);
  }
}
