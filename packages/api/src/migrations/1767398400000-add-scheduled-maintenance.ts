import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddScheduledMaintenance1767398400000 implements MigrationInterface {
  name = "AddScheduledMaintenance1767398400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scheduled_maintenance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text CHECK (description IS NULL OR length(description) <= 10000),
        status text NOT NULL DEFAULT 'SCHEDULED'
          CHECK (status IN ('SCHEDULED','IN_PROGRESS','COMPLETED','CANCELLED')),
        scheduled_for timestamptz NOT NULL,
        scheduled_until timestamptz NOT NULL,
        started_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        created_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT window_ends_after_it_starts CHECK (scheduled_until > scheduled_for),
        CONSTRAINT started_iff_started_at CHECK ((status IN ('IN_PROGRESS','COMPLETED')) = (started_at IS NOT NULL)),
        CONSTRAINT completed_iff_completed_at CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
        CONSTRAINT cancelled_iff_cancelled_at CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CONSTRAINT completed_after_started CHECK (completed_at IS NULL OR completed_at >= started_at)
      );
      CREATE INDEX scheduled_maintenance_for_idx ON scheduled_maintenance (scheduled_for DESC, id DESC);
      CREATE INDEX scheduled_maintenance_open_idx ON scheduled_maintenance (scheduled_for)
        WHERE status IN ('SCHEDULED','IN_PROGRESS');

      CREATE TABLE scheduled_maintenance_component (
        maintenance_id uuid NOT NULL REFERENCES scheduled_maintenance(id) ON DELETE CASCADE,
        component_id uuid NOT NULL REFERENCES component(id) ON DELETE CASCADE,
        status_before text
          CHECK (status_before IN ('OPERATIONAL','DEGRADED_PERFORMANCE','PARTIAL_OUTAGE','MAJOR_OUTAGE','UNDER_MAINTENANCE')),
        PRIMARY KEY (maintenance_id, component_id)
      );
      CREATE INDEX scheduled_maintenance_component_component_idx ON scheduled_maintenance_component (component_id);

      CREATE TABLE scheduled_maintenance_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        maintenance_id uuid NOT NULL REFERENCES scheduled_maintenance(id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('SCHEDULED','IN_PROGRESS','COMPLETED','CANCELLED')),
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
        author_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL
      );
      CREATE INDEX scheduled_maintenance_update_idx ON scheduled_maintenance_update (maintenance_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE scheduled_maintenance_update;
      DROP TABLE scheduled_maintenance_component;
      DROP TABLE scheduled_maintenance;
    `);
  }
}
