import type { MigrationInterface, QueryRunner } from "typeorm";
import { BOSS_SCHEMA } from "../platform/timers/queues.js";

/**
 * The queues of status page subscribers and staff email. `short`: a job queued twice under one
 * singletonKey is queued once. Each send job's own retries (with backoff) are new jobs; these
 * pg-boss retries only cover a worker that died mid-job.
 */
const QUEUE_OPTIONS = {
  "subscriber-fanout": { policy: "short", retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 },
  "subscriber-delivery": { policy: "short", retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 600 },
  "staff-email": { policy: "short", retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 120 },
};

/**
 * Status page subscribers (email, double opt-in; webhook), the public events they hear of, one
 * delivery per subscriber and event; staff may choose EMAIL for their notifications.
 */
export class AddStatusPageSubscribers1767744000003 implements MigrationInterface {
  name = "AddStatusPageSubscribers1767744000003";

  async up(q: QueryRunner): Promise<void> {
    for (const [name, options] of Object.entries(QUEUE_OPTIONS))
      await q.query(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2::jsonb)`, [name, JSON.stringify(options)]);
    await q.query(`
      CREATE TABLE status_subscriber (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('EMAIL','WEBHOOK')),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        webhook_url text CHECK (length(webhook_url) BETWEEN 1 AND 2000),
        component_ids uuid[] NOT NULL DEFAULT '{}',
        -- sha256 of the token in every message's unsubscribe link; the token itself sealed (SECRETS_KEY) to write those links.
        unsubscribe_token_hash text NOT NULL UNIQUE,
        unsubscribe_token text NOT NULL,
        -- sha256 of the token of the latest confirmation mail (email only, until confirmed), and the token sealed.
        confirm_token_hash text UNIQUE,
        confirm_token text,
        confirmation_sent_at timestamptz,
        confirmed_at timestamptz,
        -- webhook only: the Standard Webhooks signing secret, sealed.
        webhook_secret text,
        disabled_at timestamptz,
        disabled_reason text,
        created_at timestamptz NOT NULL,
        CHECK ((channel = 'EMAIL') = (email IS NOT NULL AND webhook_url IS NULL)),
        CHECK ((channel = 'WEBHOOK') = (webhook_url IS NOT NULL AND email IS NULL AND webhook_secret IS NOT NULL))
      );
      CREATE UNIQUE INDEX status_subscriber_email_key ON status_subscriber (lower(email)) WHERE channel = 'EMAIL';
      CREATE UNIQUE INDEX status_subscriber_webhook_key ON status_subscriber (webhook_url) WHERE channel = 'WEBHOOK';
      CREATE INDEX status_subscriber_active_idx ON status_subscriber (id)
        WHERE confirmed_at IS NOT NULL AND disabled_at IS NULL;
      CREATE INDEX status_subscriber_created_idx ON status_subscriber (created_at DESC, id DESC);

      -- What was announced: one row per event id, however often it is announced.
      CREATE TABLE subscriber_event (
        id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 300),
        kind text NOT NULL,
        event jsonb NOT NULL,
        created_at timestamptz NOT NULL
      );

      -- At most one message per subscriber and event, across retries and processes.
      CREATE TABLE subscriber_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscriber_id uuid NOT NULL REFERENCES status_subscriber(id) ON DELETE CASCADE,
        -- a subscriber_event's id, or confirm:<…> for a confirmation mail
        event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 300),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENDING','SENT','FAILED','CANCELLED')),
        attempts int NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        sent_at timestamptz,
        UNIQUE (subscriber_id, event_id)
      );
      CREATE INDEX subscriber_delivery_event_idx ON subscriber_delivery (event_id, status);

      -- Staff notifications mailed to people who chose EMAIL: once per notification.
      CREATE TABLE notification_email (
        notification_id uuid PRIMARY KEY REFERENCES notification(id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENDING','SENT','FAILED')),
        attempts int NOT NULL DEFAULT 0,
        claimed_at timestamptz,
        last_error text,
        sent_at timestamptz
      );

      ALTER TABLE notification_preference DROP CONSTRAINT notification_preference_channels_check,
        ADD CONSTRAINT notification_preference_channels_check
          CHECK (channels <@ ARRAY['IN_APP','WEBHOOK','EMAIL']::text[]);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE notification_preference SET channels = array_remove(channels, 'EMAIL');
      ALTER TABLE notification_preference DROP CONSTRAINT notification_preference_channels_check,
        ADD CONSTRAINT notification_preference_channels_check CHECK (channels <@ ARRAY['IN_APP','WEBHOOK']::text[]);
      DROP TABLE notification_email;
      DROP TABLE subscriber_delivery;
      DROP TABLE subscriber_event;
      DROP TABLE status_subscriber;
    `);
    for (const name of Object.keys(QUEUE_OPTIONS)) await q.query(`SELECT ${BOSS_SCHEMA}.delete_queue($1)`, [name]);
  }
}
