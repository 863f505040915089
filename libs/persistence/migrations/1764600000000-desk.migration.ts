import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Desk evaluation, selection and the objection window: evaluators of a cycle with their affiliations, assignments
 * with reasons (never deleted: an ended one keeps why), every version of every score, reminders sent, decisions on
 * missing scores, results, numbered selections with an explanation per entry, objections. Notices may now go to a
 * person (an evaluator, an objector) as well as to an agency.
 */
export class Desk1764600000000 implements MigrationInterface {
  name = 'Desk1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE agencies ADD COLUMN region_3t boolean NOT NULL DEFAULT false`);
    await db.query(`ALTER TABLE entry_stage_events ADD COLUMN reason text`);
    await db.query(`ALTER TABLE notices ALTER COLUMN agency_code DROP NOT NULL`);
    await db.query(
      `ALTER TABLE notices ADD COLUMN recipient_email text, ADD COLUMN user_id uuid REFERENCES users (id)`,
    );
    await db.query(
      `ALTER TABLE notices ADD CONSTRAINT notices_one_recipient CHECK ((agency_code IS NULL) <> (recipient_email IS NULL))`,
    );
    await db.query(
      `CREATE UNIQUE INDEX notices_once_per_person ON notices (key, recipient_email) WHERE agency_code IS NULL`,
    );
    await db.query(`CREATE INDEX notices_user_inbox ON notices (user_id, created_at DESC) WHERE user_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE cycle_evaluators (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        affiliations text[] NOT NULL,
        province text,
        zone text NOT NULL DEFAULT 'WIB' CHECK (zone IN ('WIB','WITA','WIT')),
        language text NOT NULL DEFAULT 'id' CHECK (language IN ('id','en')),
        added_by uuid REFERENCES users (id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE evaluator_conflicts (
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        reason text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entry_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE desk_assignments (
        id bigserial PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        reason text NOT NULL,
        assigned_by text NOT NULL,
        assigned_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz,
        ended_at timestamptz,
        ended_reason text
      )`);
    await db.query(
      `CREATE UNIQUE INDEX desk_assignments_active ON desk_assignments (entry_id, stage_key, user_id) WHERE ended_at IS NULL`,
    );
    await db.query(`CREATE INDEX desk_assignments_cycle ON desk_assignments (cycle_id, stage_key, user_id)`);
    await db.query(`
      CREATE TABLE desk_scores (
        id bigserial PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL CHECK (version >= 1),
        scores jsonb NOT NULL,
        comment text,
        weighted numeric(9,4) NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        update_id text NOT NULL UNIQUE,
        CONSTRAINT desk_scores_version UNIQUE (entry_id, stage_key, user_id, version)
      )`);
    await db.query(`
      CREATE TABLE desk_reminders (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        hours_before numeric NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id),
        sent_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, stage_key, hours_before, user_id)
      )`);
    await db.query(`
      CREATE TABLE desk_missing_scores (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        policy text NOT NULL CHECK (policy IN ('extend','reassign','rank-with-available')),
        replacement_user_id uuid REFERENCES users (id),
        due_at timestamptz,
        note text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, stage_key, entry_id, user_id)
      )`);
    await db.query(`
      CREATE TABLE desk_results (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        score numeric(9,4) NOT NULL,
        spread numeric(9,4) NOT NULL,
        disagreement boolean NOT NULL,
        evaluators jsonb NOT NULL,
        normalisation text NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, stage_key, entry_id)
      )`);
    await db.query(`
      CREATE TABLE selections (
        id bigserial PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        version integer NOT NULL,
        reason text NOT NULL,
        rules jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT selections_version UNIQUE (cycle_id, stage_key, version)
      )`);
    await db.query(`
      CREATE TABLE selection_outcomes (
        selection_id bigint NOT NULL REFERENCES selections (id) ON DELETE CASCADE,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        overall_rank integer NOT NULL,
        rank_in_cell integer NOT NULL,
        score numeric(9,4) NOT NULL,
        selected boolean NOT NULL,
        via_3t boolean NOT NULL,
        explanation text NOT NULL,
        PRIMARY KEY (selection_id, entry_id)
      )`);
    await db.query(`
      CREATE TABLE objections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        reason text NOT NULL,
        contact_name text NOT NULL,
        contact_email text NOT NULL,
        language text NOT NULL DEFAULT 'id' CHECK (language IN ('id','en')),
        filed_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','upheld','dismissed','unresolved')),
        resolution_reason text,
        resolved_by uuid REFERENCES users (id),
        resolved_at timestamptz
      )`);
    await db.query(`CREATE INDEX objections_cycle ON objections (cycle_id, filed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'objections',
      'selection_outcomes',
      'selections',
      'desk_results',
      'desk_missing_scores',
      'desk_reminders',
      'desk_scores',
      'desk_assignments',
      'evaluator_conflicts',
      'cycle_evaluators',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP INDEX notices_user_inbox`);
    await db.query(`DROP INDEX notices_once_per_person`);
    await db.query(`ALTER TABLE notices DROP CONSTRAINT notices_one_recipient`);
    await db.query(`ALTER TABLE notices DROP COLUMN user_id, DROP COLUMN recipient_email`);
    await db.query(`ALTER TABLE notices ALTER COLUMN agency_code SET NOT NULL`);
    await db.query(`ALTER TABLE entry_stage_events DROP COLUMN reason`);
    await db.query(`ALTER TABLE agencies DROP COLUMN region_3t`);
  }
}
