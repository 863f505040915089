import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the hot reads at national scale (10,000 entries a cycle), each named after what it serves; the
 * `[scale]` suite (test/scale) explains those reads over a filled database and fails on a sequential scan.
 *
 * - a cycle's entries in registration order: the admin's list and its pages, the CSV export, registrations per day;
 * - an agency's entries of a cycle in the same order: the agency's own list;
 * - titles by trigram: the list's search, a substring in any letter case (ILIKE '%…%', which no B-tree serves);
 * - a person's assignments: the lists narrowed for an evaluator or a panelist;
 * - a cycle's drafts by creation: drafts started per day on the dashboard;
 * - a cycle's audit rows in seq order (replaces the index on cycle_id alone): the log read and paged by cycle;
 * - an inbox newest first with the id as tie-breaker, as the inbox sorts (replaces the two inbox indexes).
 */
export class ListIndexes1765300000000 implements MigrationInterface {
  name = 'ListIndexes1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX entries_cycle_registered ON entries (cycle_id, created_at, id)`);
    await db.query(`CREATE INDEX entries_agency_registered ON entries (cycle_id, agency_code, created_at, id)`);
    // pg_trgm ships with PostgreSQL (contrib) and is trusted: a database owner may create it.
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE INDEX entries_title_search ON entries USING gin (title gin_trgm_ops)`);
    await db.query(`CREATE INDEX entry_assignments_person ON entry_assignments (user_id, entry_id)`);
    await db.query(`CREATE INDEX entry_drafts_cycle_created ON entry_drafts (cycle_id, created_at)`);
    await db.query(`DROP INDEX audit_log_cycle`);
    await db.query(`CREATE INDEX audit_log_cycle ON audit_log (cycle_id, seq)`);
    await db.query(`DROP INDEX notices_inbox`);
    await db.query(`CREATE INDEX notices_inbox ON notices (agency_code, created_at DESC, id DESC)`);
    await db.query(`DROP INDEX notices_user_inbox`);
    await db.query(
      `CREATE INDEX notices_user_inbox ON notices (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notices_user_inbox`);
    await db.query(`CREATE INDEX notices_user_inbox ON notices (user_id, created_at DESC) WHERE user_id IS NOT NULL`);
    await db.query(`DROP INDEX notices_inbox`);
    await db.query(`CREATE INDEX notices_inbox ON notices (agency_code, created_at DESC)`);
    await db.query(`DROP INDEX audit_log_cycle`);
    await db.query(`CREATE INDEX audit_log_cycle ON audit_log (cycle_id)`);
    await db.query(`DROP INDEX entry_drafts_cycle_created`);
    await db.query(`DROP INDEX entry_assignments_person`);
    await db.query(`DROP INDEX entries_title_search`);
    await db.query(`DROP INDEX entries_agency_registered`);
    await db.query(`DROP INDEX entries_cycle_registered`);
  }
}
