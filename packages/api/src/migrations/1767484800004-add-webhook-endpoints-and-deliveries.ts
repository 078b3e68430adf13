import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddWebhookEndpointsAndDeliveries1767484800004 implements MigrationInterface {
  name = "AddWebhookEndpointsAndDeliveries1767484800004";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
        secret text NOT NULL CHECK (secret ~ '^whsec_[A-Za-z0-9+/=]+$'),
        description text CHECK (length(description) <= 500),
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        created_at timestamptz NOT NULL,
        CONSTRAINT disabled_has_reason CHECK (enabled OR disabled_reason IS NOT NULL)
      );
      CREATE INDEX webhook_endpoint_user_idx ON webhook_endpoint (user_id) WHERE enabled;

      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        endpoint_id uuid NOT NULL REFERENCES webhook_endpoint(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING','DELIVERED','FAILED','CANCELLED')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_status_code int,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        CONSTRAINT delivered_iff_delivered_at CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
      );
      CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (endpoint_id, created_at DESC);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE webhook_delivery;
      DROP TABLE webhook_endpoint;
    `);
  }
}
