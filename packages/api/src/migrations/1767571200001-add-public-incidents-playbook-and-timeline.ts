import type { MigrationInterface, QueryRunner } from "typeorm";

const KINDS_BEFORE = `'SLA_WARNING','SLA_BREACHED','CADENCE_REMINDER','CADENCE_OVERDUE','PAGE','INCIDENT_UPDATE','TICKET_ASSIGNED'`;

/**
 * Incidents become public with their first PUBLIC update (`published_at`) under `public_title` when set;
 * the major-incident playbook is configured per organization and leaves its steps on the incident's
 * timeline; `customers_affected` holds only a figure someone gave.
 */
export class AddPublicIncidentsPlaybookAndTimeline1767571200001 implements MigrationInterface {
  name = "AddPublicIncidentsPlaybookAndTimeline1767571200001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE incident
        ADD COLUMN public_title text CHECK (length(public_title) BETWEEN 1 AND 200),
        ADD COLUMN published_at timestamptz;
      UPDATE incident i SET published_at =
        (SELECT min(u.created_at) FROM incident_update u WHERE u.incident_id = i.id AND u.visibility = 'PUBLIC');
      CREATE INDEX incident_published_idx ON incident (reported_at DESC, id DESC) WHERE published_at IS NOT NULL;

      -- Until now linking tickets overwrote the figure; where nobody assessed the impact, nobody gave one.
      UPDATE incident SET customers_affected = NULL WHERE impact_assessed_at IS NULL;

      ALTER TABLE organization
        ADD COLUMN commander_schedule_id uuid REFERENCES oncall_schedule(id),
        ADD COLUMN playbook_severities text[] NOT NULL DEFAULT '{SEV1,SEV2}'
          CHECK (playbook_severities <@ ARRAY['SEV1','SEV2','SEV3','SEV4']::text[]);

      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
        CHECK (kind IN (${KINDS_BEFORE},'ROLE_ASSIGNED'));

      CREATE TABLE incident_timeline_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        at timestamptz NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PLAYBOOK_STARTED','LIAISON_ASSIGNED','COMMANDER_ASSIGNED','BRIDGE_ATTACHED',
          'ROLE_NOTIFIED','ROLE_UNFILLED','PUBLISHED')),
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 1000),
        user_id uuid REFERENCES app_user(id),
        actor_id uuid REFERENCES app_user(id)
      );
      CREATE INDEX incident_timeline_entry_incident_idx ON incident_timeline_entry (incident_id, at, seq);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE incident_timeline_entry;
      DELETE FROM notification WHERE kind = 'ROLE_ASSIGNED';
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${KINDS_BEFORE}));
      ALTER TABLE organization DROP COLUMN commander_schedule_id, DROP COLUMN playbook_severities;
      UPDATE incident i SET customers_affected = (SELECT count(DISTINCT t.account_id) FROM ticket t WHERE t.incident_id = i.id)
       WHERE customers_affected IS NULL AND EXISTS (SELECT 1 FROM ticket t WHERE t.incident_id = i.id);
      DROP INDEX incident_published_idx;
      ALTER TABLE incident DROP COLUMN public_title, DROP COLUMN published_at;
    `);
  }
}
