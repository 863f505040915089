import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts the secretariat can disable, and sign-ins it can end: a disabled account signs in no more, and every
 * token carries its account's token version, which a disable, a forced sign-out or a new password raises, so the
 * tokens issued before stop working at once. Failed sign-ins are counted per account and client address, and
 * pruned by age: indexes for both. Public objections record the client address they came from, so filing can be
 * limited per address, per e-mail and per entry: indexes for the three counts.
 */
export class SecurityHardening1765400000000 implements MigrationInterface {
  name = 'SecurityHardening1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    await db.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await db.query(`DROP INDEX login_failures_recent`);
    await db.query(`CREATE INDEX login_failures_account_client ON login_failures (lower(email), client, at)`);
    await db.query(`CREATE INDEX login_failures_client ON login_failures (client, at)`);
    await db.query(`CREATE INDEX login_failures_at ON login_failures (at)`);
    await db.query(`ALTER TABLE objections ADD COLUMN client_address text`);
    await db.query(`CREATE INDEX objections_client ON objections (client_address, filed_at)`);
    await db.query(`CREATE INDEX objections_email ON objections (lower(contact_email), filed_at)`);
    await db.query(`CREATE INDEX objections_entry ON objections (entry_id, filed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE objections DROP COLUMN client_address`);
    await db.query(`DROP INDEX login_failures_at`);
    await db.query(`DROP INDEX login_failures_client`);
    await db.query(`DROP INDEX login_failures_account_client`);
    await db.query(`CREATE INDEX login_failures_recent ON login_failures (lower(email), at)`);
    await db.query(`ALTER TABLE users DROP COLUMN token_version`);
    await db.query(`ALTER TABLE users DROP COLUMN disabled_at`);
  }
}
