import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts the secretariat can disable, and sign-ins it can end: a disabled account signs in no more, and every
 * token carries its account's token version, which a disable, a forced sign-out or a new password raises, so the
 * tokens issued before stop working at once. Failed sign-ins are counted per account and client address, and
 * pruned by age: indexes for both.
 */
export class AccountSecurity1765400000000 implements MigrationInterface {
  name = 'AccountSecurity1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz`);
    await db.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await db.query(`DROP INDEX login_failures_recent`);
    await db.query(`CREATE INDEX login_failures_account_client ON login_failures (lower(email), client, at)`);
    await db.query(`CREATE INDEX login_failures_client ON login_failures (client, at)`);
    await db.query(`CREATE INDEX login_failures_at ON login_failures (at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX login_failures_at`);
    await db.query(`DROP INDEX login_failures_client`);
    await db.query(`DROP INDEX login_failures_account_client`);
    await db.query(`CREATE INDEX login_failures_recent ON login_failures (lower(email), at)`);
    await db.query(`ALTER TABLE users DROP COLUMN token_version`);
    await db.query(`ALTER TABLE users DROP COLUMN disabled_at`);
  }
}
