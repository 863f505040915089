import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An objection counts only once its objector confirms the e-mail address it names, by a link sent there: objections
 * are filed `unconfirmed`, with the digest of the link's secret. Those filed before this release count as confirmed
 * when they were filed.
 */
export class ObjectionConfirmation1765500000000 implements MigrationInterface {
  name = 'ObjectionConfirmation1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE objections ADD COLUMN confirmation_digest text, ADD COLUMN confirmed_at timestamptz`);
    await db.query(`UPDATE objections SET confirmed_at = filed_at`);
    await db.query(`ALTER TABLE objections DROP CONSTRAINT objections_status_check`);
    await db.query(
      `ALTER TABLE objections ADD CONSTRAINT objections_status_check
         CHECK (status IN ('unconfirmed','open','upheld','dismissed','unresolved'))`,
    );
    await db.query(`ALTER TABLE objections ALTER COLUMN status SET DEFAULT 'unconfirmed'`);
    await db.query(`CREATE INDEX objections_cycle_status ON objections (cycle_id, status, filed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX objections_cycle_status`);
    await db.query(`DELETE FROM objections WHERE status = 'unconfirmed'`);
    await db.query(`ALTER TABLE objections ALTER COLUMN status SET DEFAULT 'open'`);
    await db.query(`ALTER TABLE objections DROP CONSTRAINT objections_status_check`);
    await db.query(
      `ALTER TABLE objections ADD CONSTRAINT objections_status_check
         CHECK (status IN ('open','upheld','dismissed','unresolved'))`,
    );
    await db.query(`ALTER TABLE objections DROP COLUMN confirmed_at, DROP COLUMN confirmation_digest`);
  }
}
