import type { MigrationInterface, QueryRunner } from "typeorm";

export class InitialSchema1767225600000 implements MigrationInterface {
  name = "InitialSchema1767225600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        timezone text NOT NULL DEFAULT 'UTC',
        holidays text[] NOT NULL DEFAULT '{}',
        holiday_region text,
        bridge_url text,
        bridge_dial_in text,
        liaison_user_ids uuid[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO organization (id, name) VALUES ('00000000-0000-4000-8000-000000000001', 'Liaison');

      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        tier text NOT NULL CHECK (tier IN ('NO_SERVICES','PREMIUM_SUPPORT','SILVER_SERVICES','GOLD_SERVICES')),
        subscription_start_date date NOT NULL,
        products text[] NOT NULL DEFAULT '{}',
        timezone text NOT NULL DEFAULT 'UTC',
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN','RESPONDER','SUPPORT_AGENT','CUSTOMER_SUCCESS_ENGINEER','CUSTOMER')),
        account_id uuid REFERENCES account(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT customer_has_account CHECK ((role = 'CUSTOMER') = (account_id IS NOT NULL))
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));

      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE INDEX api_token_user_idx ON api_token (user_id);

      CREATE TABLE component (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description text,
        group_name text,
        status text NOT NULL DEFAULT 'OPERATIONAL'
          CHECK (status IN ('OPERATIONAL','DEGRADED_PERFORMANCE','PARTIAL_OUTAGE','MAJOR_OUTAGE','UNDER_MAINTENANCE')),
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX component_name_key ON component (lower(name));

      CREATE SEQUENCE incident_number_seq;
      CREATE TABLE incident (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number int NOT NULL UNIQUE DEFAULT nextval('incident_number_seq'),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        source text NOT NULL CHECK (source IN ('MONITORING','CUSTOMER_TICKET','PERSON')),
        status text NOT NULL CHECK (status IN ('INVESTIGATING','IDENTIFIED','MONITORING','RESOLVED')),
        severity text NOT NULL CHECK (severity IN ('SEV1','SEV2','SEV3','SEV4')),
        impact text NOT NULL CHECK (impact IN ('NONE','MINOR','MAJOR','CRITICAL')),
        reported_at timestamptz NOT NULL,
        impact_assessed_at timestamptz,
        last_public_update_at timestamptz,
        resolved_at timestamptz,
        commander_id uuid REFERENCES app_user(id),
        liaison_id uuid REFERENCES app_user(id),
        bridge_url text,
        bridge_dial_in text,
        customers_affected int CHECK (customers_affected >= 0),
        update_count int NOT NULL DEFAULT 0,
        reported_by_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT resolved_iff_resolved_at CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
      );
      ALTER SEQUENCE incident_number_seq OWNED BY incident.number;
      CREATE INDEX incident_reported_idx ON incident (reported_at DESC, id DESC);
      CREATE INDEX incident_unresolved_idx ON incident (reported_at) WHERE resolved_at IS NULL;

      CREATE TABLE incident_component (
        incident_id uuid NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        component_id uuid NOT NULL REFERENCES component(id),
        PRIMARY KEY (incident_id, component_id)
      );
      CREATE INDEX incident_component_component_idx ON incident_component (component_id);

      CREATE TABLE incident_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        sequence int NOT NULL CHECK (sequence >= 1),
        status text NOT NULL CHECK (status IN ('INVESTIGATING','IDENTIFIED','MONITORING','RESOLVED')),
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 5000),
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC','INTERNAL')),
        component_statuses jsonb NOT NULL DEFAULT '[]',
        author_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (incident_id, sequence)
      );

      CREATE TABLE incident_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        incident_id uuid NOT NULL REFERENCES incident(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('PRELIMINARY','POST_INCIDENT')),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 20000),
        root_cause text,
        action_items text[] NOT NULL DEFAULT '{}',
        author_id uuid REFERENCES app_user(id),
        published_at timestamptz NOT NULL,
        UNIQUE (incident_id, kind)
      );

      CREATE TABLE component_status_change (
        id bigserial PRIMARY KEY,
        component_id uuid NOT NULL REFERENCES component(id) ON DELETE CASCADE,
        status text NOT NULL,
        changed_at timestamptz NOT NULL,
        incident_id uuid REFERENCES incident(id) ON DELETE SET NULL
      );
      CREATE INDEX component_status_change_idx ON component_status_change (component_id, changed_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE component_status_change;
      DROP TABLE incident_report;
      DROP TABLE incident_update;
      DROP TABLE incident_component;
      DROP TABLE incident;
      DROP TABLE component;
      DROP TABLE api_token;
      DROP TABLE app_user;
      DROP TABLE account;
      DROP TABLE organization;
    `);
  }
}
