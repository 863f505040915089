import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications: the outbox (the existing notices), deliveries per channel and their attempts, webhooks, the mail sink. */
export class Notifications1764500000000 implements MigrationInterface {
  name = 'Notifications1764500000000';

  async up(db: QueryRunner): Promise<void> {
    // The in-app inbox always receives; these are the channels an agency may turn off.
    await db.query(`ALTER TABLE agencies ADD COLUMN channels text[] NOT NULL DEFAULT '{email,webhook}'`);
    await db.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_code text NOT NULL REFERENCES agencies (code),
        url text NOT NULL,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_until timestamptz,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
        disabled_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE deliveries (
        id bigserial PRIMARY KEY,
        notice_id bigint NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
        round integer NOT NULL DEFAULT 0,
        channel text NOT NULL CHECK (channel IN ('email','webhook')),
        target text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','delivered','failed','disabled')),
        attempts integer NOT NULL DEFAULT 0,
        message_id text NOT NULL,
        run_id text NOT NULL,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deliveries_once UNIQUE (notice_id, round, channel, target)
      )`);
    await db.query(`CREATE INDEX deliveries_status ON deliveries (status, created_at)`);
    await db.query(`
      CREATE TABLE delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL CHECK (outcome IN ('accepted','failed','gone','refused')),
        detail text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE mail_sink_messages (
        id bigserial PRIMARY KEY,
        message_id text,
        envelope_from text NOT NULL,
        envelope_to text[] NOT NULL,
        subject text,
        text_body text,
        html_body text,
        attachments jsonb NOT NULL DEFAULT '[]',
        raw text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX mail_sink_messages_message_id ON mail_sink_messages (message_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE mail_sink_messages');
    await db.query('DROP TABLE delivery_attempts');
    await db.query('DROP TABLE deliveries');
    await db.query('DROP TABLE webhook_endpoints');
    await db.query('ALTER TABLE agencies DROP COLUMN channels');
  }
}
