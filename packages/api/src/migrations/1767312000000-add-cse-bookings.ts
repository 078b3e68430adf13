import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Customer Success Engineer bookings: the account's tier history, CSE working hours, bookings, and the
 * calls they put on CSE calendars. No CSE is ever in two calls at once: an exclusion constraint says so.
 */
export class AddCseBookings1767312000000 implements MigrationInterface {
  name = "AddCseBookings1767312000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gist;

      ALTER TABLE account
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT account_products_known CHECK (products <@ ARRAY[
          'INCIDENT_MANAGEMENT','AIOPS','CUSTOMER_SERVICE_OPS','RUNBOOK_AUTOMATION',
          'RUNBOOK_AUTOMATION_SELF_HOSTED','WORKFLOW_AUTOMATION'
        ]::text[]);
      CREATE INDEX account_name_idx ON account (name, id);

      -- Caps follow the tier in force when a session takes place: every change of tier is kept.
      CREATE TABLE account_tier_change (
        id bigserial PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account(id) ON DELETE CASCADE,
        tier text NOT NULL CHECK (tier IN ('NO_SERVICES','PREMIUM_SUPPORT','SILVER_SERVICES','GOLD_SERVICES')),
        effective_from timestamptz NOT NULL,
        changed_by_id uuid REFERENCES app_user(id)
      );
      CREATE INDEX account_tier_change_account_idx ON account_tier_change (account_id, effective_from, id);
      INSERT INTO account_tier_change (account_id, tier, effective_from)
        SELECT id, tier, created_at FROM account;

      -- A CSE without a row works the default hours (Monday to Friday, 09:00–17:00 UTC).
      CREATE TABLE cse_working_hours (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        timezone text NOT NULL,
        weekly jsonb NOT NULL CHECK (jsonb_typeof(weekly) = 'array'),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE cse_booking (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES account(id),
        activity text NOT NULL CHECK (activity IN (
          'ALERT_STRATEGIES_WORKSHOP','AUTOMATION_IDEATION_SESSION','INCIDENT_LIFECYCLE_ASSESSMENT',
          'INTEGRATION_CONSULTATION','MATURITY_ASSESSMENT','PRODUCT_ROADMAP_SESSION','PRODUCT_FEATURE_CONSULTATION'
        )),
        status text NOT NULL DEFAULT 'CONFIRMED' CHECK (status IN ('CONFIRMED','CANCELLED')),
        cse_id uuid NOT NULL REFERENCES app_user(id),
        -- The first call: the booking counts against the contract year in which it takes place.
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        follow_up_starts_at timestamptz,
        follow_up_ends_at timestamptz,
        tier text NOT NULL CHECK (tier IN ('NO_SERVICES','PREMIUM_SUPPORT','SILVER_SERVICES','GOLD_SERVICES')),
        notes text CHECK (length(notes) <= 2000),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        booked_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        cancelled_at timestamptz,
        cancelled_by_id uuid REFERENCES app_user(id),
        CONSTRAINT cse_booking_ends_after_start CHECK (ends_at > starts_at),
        CONSTRAINT cse_booking_cancelled_at CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CONSTRAINT cse_booking_follow_up_whole CHECK ((follow_up_starts_at IS NULL) = (follow_up_ends_at IS NULL)),
        CONSTRAINT cse_booking_follow_up_only_for_ila
          CHECK ((activity = 'INCIDENT_LIFECYCLE_ASSESSMENT') = (follow_up_starts_at IS NOT NULL)),
        CONSTRAINT cse_booking_follow_up_after_discovery
          CHECK (follow_up_starts_at IS NULL OR (follow_up_starts_at >= ends_at AND follow_up_ends_at > follow_up_starts_at)),
        UNIQUE (id, cse_id, status)
      );
      CREATE UNIQUE INDEX cse_booking_idempotency_key ON cse_booking (account_id, idempotency_key)
        WHERE idempotency_key IS NOT NULL;
      CREATE INDEX cse_booking_account_starts_idx ON cse_booking (account_id, starts_at, id);
      CREATE INDEX cse_booking_cse_starts_idx ON cse_booking (cse_id, starts_at, id);

      -- One row per call on a CSE's calendar. The composite key keeps CSE and status in step with the
      -- booking (a cancellation cascades here and frees the time); the exclusion forbids double-booking.
      CREATE TABLE cse_session (
        booking_id uuid NOT NULL,
        part text NOT NULL CHECK (part IN ('SESSION','DISCOVERY','FOLLOW_UP')),
        cse_id uuid NOT NULL,
        booking_status text NOT NULL,
        during tstzrange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
        PRIMARY KEY (booking_id, part),
        FOREIGN KEY (booking_id, cse_id, booking_status) REFERENCES cse_booking (id, cse_id, status)
          ON UPDATE CASCADE ON DELETE CASCADE,
        CONSTRAINT cse_session_no_double_booking
          EXCLUDE USING gist (cse_id WITH =, during WITH &&) WHERE (booking_status = 'CONFIRMED')
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE cse_session;
      DROP TABLE cse_booking;
      DROP TABLE cse_working_hours;
      DROP TABLE account_tier_change;
      DROP INDEX account_name_idx;
      ALTER TABLE account DROP CONSTRAINT account_products_known, DROP COLUMN updated_at;
    `);
  }
}
