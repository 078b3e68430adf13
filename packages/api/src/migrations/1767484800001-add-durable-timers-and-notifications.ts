import { getConstructionPlans } from "pg-boss";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { BOSS_SCHEMA } from "../platform/timers/queues.js";

/**
 * The queues as this migration creates them. `short`: one queued job per singletonKey, so the same
 * deadline scheduled twice is queued once. Retries cover crashed workers; expiry hands a dead
 * worker's job to another after a minute.
 */
const QUEUE_OPTIONS = {
  "sla-timer": { policy: "short", retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  "cadence-timer": { policy: "short", retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  "escalation-step": { policy: "short", retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: 60 },
  "webhook-delivery": { policy: "short", retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
};

/** pg-boss's construction SQL for the pinned version, without its own BEGIN/COMMIT (the migration owns the transaction). */
function bossConstructionSql(): string {
  const sql = getConstructionPlans(BOSS_SCHEMA).trim();
  if (!sql.startsWith("BEGIN;") || !sql.endsWith("COMMIT;"))
    throw new Error("pg-boss construction plans changed shape: review this migration");
  return sql.slice("BEGIN;".length, -"COMMIT;".length);
}

export class AddDurableTimersAndNotifications1767484800001 implements MigrationInterface {
  name = "AddDurableTimersAndNotifications1767484800001";

  async up(q: QueryRunner): Promise<void> {
    await q.query(bossConstructionSql());
    for (const [name, options] of Object.entries(QUEUE_OPTIONS))
      await q.query(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2::jsonb)`, [name, JSON.stringify(options)]);
    await q.query(`
      -- One row per timer that did its work: a retried or duplicated job finds it and does nothing.
      CREATE TABLE fired_reminder (
        key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 500),
        fired_at timestamptz NOT NULL,
        outcome text NOT NULL
      );

      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        channels text[] NOT NULL DEFAULT '{IN_APP}' CHECK (channels <@ ARRAY['IN_APP','WEBHOOK']::text[]),
        lead_minutes int[] NOT NULL DEFAULT '{30,10}'
          CHECK (cardinality(lead_minutes) <= 10 AND 0 < ALL (lead_minutes) AND 1440 >= ALL (lead_minutes)),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('SLA_WARNING','SLA_BREACHED','CADENCE_REMINDER','CADENCE_OVERDUE',
          'PAGE','INCIDENT_UPDATE','TICKET_ASSIGNED')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        body text NOT NULL CHECK (length(body) <= 5000),
        ticket_id uuid REFERENCES ticket(id) ON DELETE CASCADE,
        incident_id uuid REFERENCES incident(id) ON DELETE CASCADE,
        escalation_id uuid,
        due_at timestamptz,
        dedup_key text NOT NULL CHECK (length(dedup_key) BETWEEN 1 AND 500),
        created_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        CONSTRAINT notification_once UNIQUE (user_id, dedup_key),
        CONSTRAINT acknowledged_after_creation CHECK (acknowledged_at IS NULL OR acknowledged_at >= created_at)
      );
      CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC, id DESC);
      CREATE INDEX notification_unacknowledged_idx ON notification (user_id) WHERE acknowledged_at IS NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE notification;
      DROP TABLE notification_preference;
      DROP TABLE fired_reminder;
      DROP SCHEMA ${BOSS_SCHEMA} CASCADE;
    `);
  }
}
