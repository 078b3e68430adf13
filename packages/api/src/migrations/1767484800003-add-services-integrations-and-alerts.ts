import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddServicesIntegrationsAndAlerts1767484800003 implements MigrationInterface {
  name = "AddServicesIntegrationsAndAlerts1767484800003";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        escalation_policy_id uuid REFERENCES escalation_policy(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX service_name_key ON service (lower(name));

      CREATE TABLE integration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        service_id uuid NOT NULL REFERENCES service(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        routing_key text NOT NULL UNIQUE CHECK (routing_key ~ '^[0-9a-f]{32}$'),
        account_id uuid REFERENCES account(id),
        open_ticket boolean NOT NULL DEFAULT false,
        -- Event severity → ticket priority / incident severity; a severity missing from the map opens nothing.
        ticket_priorities jsonb NOT NULL DEFAULT '{"critical":"P1","error":"P2","warning":"P3","info":"P4"}',
        incident_severities jsonb NOT NULL DEFAULT '{}',
        component_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT tickets_need_an_account CHECK (NOT open_ticket OR account_id IS NOT NULL)
      );

      CREATE TABLE alert (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        integration_id uuid NOT NULL REFERENCES integration(id) ON DELETE CASCADE,
        dedup_key text NOT NULL CHECK (length(dedup_key) BETWEEN 1 AND 255),
        status text NOT NULL CHECK (status IN ('TRIGGERED','ACKNOWLEDGED','RESOLVED')),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1024),
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 1024),
        severity text NOT NULL CHECK (severity IN ('critical','error','warning','info')),
        component text,
        group_name text,
        class text,
        custom_details jsonb,
        event_timestamp timestamptz,
        event_count int NOT NULL DEFAULT 1 CHECK (event_count >= 1),
        ticket_id uuid REFERENCES ticket(id) ON DELETE SET NULL,
        incident_id uuid REFERENCES incident(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        resolved_at timestamptz,
        CONSTRAINT resolved_iff_resolved_at CHECK ((status = 'RESOLVED') = (resolved_at IS NOT NULL))
      );
      -- One open alert per dedup key: later triggers with the key fold into it.
      CREATE UNIQUE INDEX alert_open_dedup_key ON alert (integration_id, dedup_key) WHERE status <> 'RESOLVED';
      CREATE INDEX alert_created_idx ON alert (created_at DESC, id DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE alert;
      DROP TABLE integration;
      DROP TABLE service;
    `);
  }
}
