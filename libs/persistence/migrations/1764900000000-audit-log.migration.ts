import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: every decision event of every workflow (start, signal, Update accepted, Update completed), one
 * row each, hash-chained in seq order (libs/audit/audit-chain.ts). It is append-only: the triggers refuse any
 * change or removal whoever asks, so a mistake is corrected by a new decision, never by editing the record. A
 * superuser can still bypass triggers (session_replication_role = replica); the hash chain is what shows that.
 *
 * cycle_id is text because cycle ids are business keys (`cycle-pkri-2024`, see cycles.id); no foreign keys, so
 * the log outlives whatever it describes.
 */
export class AuditLog1764900000000 implements MigrationInterface {
  name = 'AuditLog1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_log (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        workflow_id text NOT NULL,
        run_id text NOT NULL,
        event_id bigint NOT NULL CHECK (event_id > 0),
        event_type text NOT NULL CHECK (event_type IN ('started', 'signal', 'update-accepted', 'update-completed')),
        name text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor text,
        cycle_id text,
        entry_id uuid,
        payload jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        prev_hash char(64) NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT audit_log_one_row_per_event UNIQUE (workflow_id, run_id, event_id)
      )`);
    await db.query(`CREATE INDEX audit_log_cycle ON audit_log (cycle_id)`);
    await db.query(`CREATE INDEX audit_log_entry ON audit_log (entry_id)`);
    await db.query(`CREATE INDEX audit_log_execution ON audit_log (workflow_id, run_id)`);
    await db.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: rows cannot be changed or deleted (% refused)', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Record a new decision instead; the log keeps every decision as it was made.';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await db.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
    await db.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
  }

  async down(db: QueryRunner): Promise<void> {
    // Dropping the table drops its triggers; the statement-level TRUNCATE trigger does not fire on DROP.
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
