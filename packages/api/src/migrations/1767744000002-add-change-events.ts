import type { MigrationInterface, QueryRunner } from "typeorm";

/** Change events (PagerDuty's POST /v2/change/enqueue): what changed on a service, read beside its incidents. */
export class AddChangeEvents1767744000002 implements MigrationInterface {
  name = "AddChangeEvents1767744000002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE change_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
        integration_id uuid NOT NULL REFERENCES integration(id) ON DELETE CASCADE,
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1024),
        source text CHECK (length(source) BETWEEN 1 AND 1024),
        occurred_at timestamptz NOT NULL,
        custom_details jsonb,
        links jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array'),
        received_at timestamptz NOT NULL
      );
      -- A service's changes newest first (Query.changeEvents, Incident.recentChanges).
      CREATE INDEX change_event_service_idx ON change_event (service_id, occurred_at DESC, id DESC);
      CREATE INDEX change_event_integration_idx ON change_event (integration_id);
      -- Incident.recentChanges finds an incident's services through its alerts.
      CREATE INDEX alert_incident_idx ON alert (incident_id) WHERE incident_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX alert_incident_idx;
      DROP TABLE change_event;
    `);
  }
}
