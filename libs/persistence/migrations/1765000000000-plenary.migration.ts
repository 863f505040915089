import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The plenary's decisions (sidang pleno): one row per decision of a cycle, numbered 1, 2, … A correction is a new
 * row that supersedes the latest one (each is superseded at most once, so the chain is a line) and says why. The
 * row keeps the canonical JSON export exactly as written and its SHA-256 (the database checks one against the
 * other), so every later export can be checked against it. Rows are never changed: the one thing that may happen to a row is being announced, once.
 */
export class Plenary1765000000000 implements MigrationInterface {
  name = 'Plenary1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE plenary_decisions (
        id bigserial PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id),
        stage_key text NOT NULL,
        sequence integer NOT NULL CHECK (sequence >= 1),
        decision_number text NOT NULL,
        supersedes_id bigint UNIQUE REFERENCES plenary_decisions (id),
        reason text,
        canonical_json text NOT NULL,
        json_sha256 text NOT NULL CHECK (json_sha256 = encode(sha256(convert_to(canonical_json, 'UTF8')), 'hex')),
        workflow_id text NOT NULL UNIQUE,
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz NOT NULL,
        announced_at timestamptz,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT plenary_decisions_sequence UNIQUE (cycle_id, sequence),
        CONSTRAINT plenary_decisions_first_supersedes_nothing CHECK ((sequence = 1) = (supersedes_id IS NULL)),
        CONSTRAINT plenary_decisions_correction_has_reason CHECK ((supersedes_id IS NULL) = (reason IS NULL))
      )`);
    await db.query(`
      CREATE FUNCTION plenary_decisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD.announced_at IS NULL AND NEW.announced_at IS NOT NULL AND NEW.announced_at <= now()
             AND (to_jsonb(NEW) - 'announced_at') = (to_jsonb(OLD) - 'announced_at') THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'plenary decisions are never changed or deleted (%): a correction is a new decision', TG_OP
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await db.query(`
      CREATE TRIGGER plenary_decisions_no_update BEFORE UPDATE OR DELETE ON plenary_decisions
        FOR EACH ROW EXECUTE FUNCTION plenary_decisions_immutable()`);
    await db.query(`
      CREATE TRIGGER plenary_decisions_no_truncate BEFORE TRUNCATE ON plenary_decisions
        FOR EACH STATEMENT EXECUTE FUNCTION plenary_decisions_immutable()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE plenary_decisions`);
    await db.query(`DROP FUNCTION plenary_decisions_immutable()`);
  }
}
