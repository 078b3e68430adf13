import type { MigrationInterface, QueryRunner } from "typeorm";

export class AddTicketsAndSlaPolicies1767484800000 implements MigrationInterface {
  name = "AddTicketsAndSlaPolicies1767484800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policy (
        priority text PRIMARY KEY CHECK (priority IN ('P1','P2','P3','P4')),
        first_response_minutes int NOT NULL CHECK (first_response_minutes BETWEEN 1 AND 525600),
        next_response_minutes int NOT NULL CHECK (next_response_minutes BETWEEN 1 AND 525600),
        schedule jsonb NOT NULL CHECK (schedule->>'kind' IN ('24x7','BUSINESS_HOURS')),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO sla_policy (priority, first_response_minutes, next_response_minutes, schedule) VALUES
        ('P1', 120, 60, '{"kind":"24x7"}'),
        ('P2', 120, 240, '{"kind":"24x7"}'),
        ('P3', 480, 960, '{"kind":"BUSINESS_HOURS","timezone":"UTC","holidays":[],"weekly":[{"weekday":1,"start":"09:00","end":"17:00"},{"weekday":2,"start":"09:00","end":"17:00"},{"weekday":3,"start":"09:00","end":"17:00"},{"weekday":4,"start":"09:00","end":"17:00"},{"weekday":5,"start":"09:00","end":"17:00"}]}'),
        ('P4', 960, 2400, '{"kind":"BUSINESS_HOURS","timezone":"UTC","holidays":[],"weekly":[{"weekday":1,"start":"09:00","end":"17:00"},{"weekday":2,"start":"09:00","end":"17:00"},{"weekday":3,"start":"09:00","end":"17:00"},{"weekday":4,"start":"09:00","end":"17:00"},{"weekday":5,"start":"09:00","end":"17:00"}]}');

      CREATE SEQUENCE ticket_number_seq;
      CREATE TABLE ticket (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number int NOT NULL UNIQUE DEFAULT nextval('ticket_number_seq'),
        account_id uuid NOT NULL REFERENCES account(id),
        requester_id uuid REFERENCES app_user(id),
        assignee_id uuid REFERENCES app_user(id),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
        description text CHECK (length(description) <= 10000),
        priority text NOT NULL CHECK (priority IN ('P1','P2','P3','P4')),
        status text NOT NULL CHECK (status IN ('NEW','OPEN','PENDING_CUSTOMER','ON_HOLD','SOLVED','CLOSED')),
        source text NOT NULL DEFAULT 'PORTAL' CHECK (source IN ('PORTAL','EMAIL','PHONE','EVENTS_API')),
        sla_first_response_minutes int NOT NULL CHECK (sla_first_response_minutes > 0),
        sla_next_response_minutes int NOT NULL CHECK (sla_next_response_minutes > 0),
        sla_schedule jsonb NOT NULL,
        -- Spans spent waiting on the customer: [{ "from": iso, "to": iso | null }], at most one open.
        pauses jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(pauses) = 'array'),
        created_at timestamptz NOT NULL,
        first_responded_at timestamptz,
        last_agent_response_at timestamptz,
        last_customer_message_at timestamptz,
        solved_at timestamptz,
        incident_id uuid REFERENCES incident(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT first_response_after_creation CHECK (first_responded_at IS NULL OR first_responded_at >= created_at),
        CONSTRAINT solved_iff_solved_at CHECK ((status IN ('SOLVED','CLOSED')) = (solved_at IS NOT NULL))
      );
      ALTER SEQUENCE ticket_number_seq OWNED BY ticket.number;
      CREATE INDEX ticket_created_idx ON ticket (created_at DESC, id DESC);
      CREATE INDEX ticket_account_idx ON ticket (account_id, created_at DESC);
      CREATE INDEX ticket_incident_idx ON ticket (incident_id) WHERE incident_id IS NOT NULL;
      CREATE INDEX ticket_open_idx ON ticket (created_at) WHERE status NOT IN ('SOLVED','CLOSED');

      CREATE TABLE ticket_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES ticket(id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user(id),
        author_kind text NOT NULL CHECK (author_kind IN ('AGENT','CUSTOMER')),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
        internal boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        CONSTRAINT customers_write_public CHECK (NOT (author_kind = 'CUSTOMER' AND internal))
      );
      CREATE INDEX ticket_message_ticket_idx ON ticket_message (ticket_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE ticket_message;
      DROP TABLE ticket;
      DROP TABLE sla_policy;
    `);
  }
}
