import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddOnCallAndEscalation1767484800002 implements MigrationInterface {
  name = "AddOnCallAndEscalation1767484800002";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE app_user ADD COLUMN manager_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        ADD CONSTRAINT not_own_manager CHECK (manager_id <> id);

      CREATE TABLE oncall_schedule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        timezone text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX oncall_schedule_name_key ON oncall_schedule (lower(name));

      CREATE TABLE schedule_layer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        schedule_id uuid NOT NULL REFERENCES oncall_schedule(id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 0),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        rotation_turn_length_seconds int NOT NULL CHECK (rotation_turn_length_seconds > 0),
        user_ids uuid[] NOT NULL CHECK (cardinality(user_ids) BETWEEN 1 AND 100),
        restrictions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(restrictions) = 'array'),
        UNIQUE (schedule_id, position),
        UNIQUE (schedule_id, name),
        CONSTRAINT layer_ends_after_start CHECK (ends_at IS NULL OR ends_at > starts_at)
      );

      CREATE TABLE schedule_override (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        schedule_id uuid NOT NULL REFERENCES oncall_schedule(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT override_ends_after_start CHECK (ends_at > starts_at)
      );
      CREATE INDEX schedule_override_idx ON schedule_override (schedule_id, ends_at);

      CREATE TABLE escalation_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        repeats int NOT NULL DEFAULT 0 CHECK (repeats BETWEEN 0 AND 9),
        -- [{ "timeoutMinutes": n, "targets": [{ "kind": "user", "userId": … } | { "kind": "schedule", "scheduleId": … }] }]
        levels jsonb NOT NULL CHECK (jsonb_typeof(levels) = 'array' AND jsonb_array_length(levels) BETWEEN 1 AND 20),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX escalation_policy_name_key ON escalation_policy (lower(name));

      ALTER TABLE organization
        ADD COLUMN liaison_schedule_id uuid REFERENCES oncall_schedule(id),
        ADD COLUMN default_escalation_policy_id uuid REFERENCES escalation_policy(id),
        ADD COLUMN cadence_reminder_lead_minutes int NOT NULL DEFAULT 2 CHECK (cadence_reminder_lead_minutes BETWEEN 1 AND 60),
        ADD COLUMN cadence_manager_delay_minutes int NOT NULL DEFAULT 5 CHECK (cadence_manager_delay_minutes BETWEEN 1 AND 240);

      ALTER TABLE ticket ADD COLUMN escalation_policy_id uuid REFERENCES escalation_policy(id);

      CREATE TABLE escalation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
        policy_id uuid NOT NULL REFERENCES escalation_policy(id),
        policy jsonb NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
        started_at timestamptz NOT NULL,
        started_by_id uuid REFERENCES app_user(id),
        status text NOT NULL CHECK (status IN ('ACTIVE','ACKNOWLEDGED','EXHAUSTED')),
        acknowledged_at timestamptz,
        acknowledged_by_id uuid REFERENCES app_user(id),
        CONSTRAINT acknowledged_iff_acknowledged_at CHECK ((status = 'ACKNOWLEDGED') = (acknowledged_at IS NOT NULL))
      );
      CREATE UNIQUE INDEX escalation_one_active_per_ticket ON escalation (ticket_id) WHERE status = 'ACTIVE';

      CREATE TABLE escalation_page (
        escalation_id uuid NOT NULL REFERENCES escalation(id) ON DELETE CASCADE,
        round int NOT NULL CHECK (round >= 1),
        level int NOT NULL CHECK (level >= 1),
        user_id uuid NOT NULL REFERENCES app_user(id),
        paged_at timestamptz NOT NULL,
        PRIMARY KEY (escalation_id, round, level, user_id)
      );

      ALTER TABLE notification ADD CONSTRAINT notification_escalation_fkey
        FOREIGN KEY (escalation_id) REFERENCES escalation(id) ON DELETE CASCADE;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_escalation_fkey;
      DROP TABLE escalation_page;
      DROP TABLE escalation;
      ALTER TABLE ticket DROP COLUMN escalation_policy_id;
      ALTER TABLE organization DROP COLUMN liaison_schedule_id, DROP COLUMN default_escalation_policy_id,
        DROP COLUMN cadence_reminder_lead_minutes, DROP COLUMN cadence_manager_delay_minutes;
      DROP TABLE escalation_policy;
      DROP TABLE schedule_override;
      DROP TABLE schedule_layer;
      DROP TABLE oncall_schedule;
      ALTER TABLE app_user DROP COLUMN manager_id;
    `);
  }
}
