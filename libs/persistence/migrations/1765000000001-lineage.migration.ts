import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lineage of innovations: an entry may continue the same innovation's entry of an earlier cycle (the agency
 * entering it again), besides replicating another agency's (replicates_entry_id). Both columns are followed
 * backwards by the lineage read, so both are indexed.
 */
export class Lineage1765000000001 implements MigrationInterface {
  name = 'Lineage1765000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE entries
        ADD COLUMN continues_entry_id uuid REFERENCES entries (id),
        ADD CONSTRAINT entries_continues_another CHECK (continues_entry_id <> id)`);
    await db.query(`CREATE INDEX entries_continues_entry ON entries (continues_entry_id)`);
    await db.query(`CREATE INDEX entries_replicates_entry ON entries (replicates_entry_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX entries_replicates_entry`);
    await db.query(`DROP INDEX entries_continues_entry`);
    await db.query(`ALTER TABLE entries DROP CONSTRAINT entries_continues_another, DROP COLUMN continues_entry_id`);
  }
}
