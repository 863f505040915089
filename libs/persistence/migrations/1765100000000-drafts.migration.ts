import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts of an agency's registration (SINOVIK's way): a service unit (UPP, role `agency-unit`) drafts, the agency's
 * Admin Lokal (role `agency`) returns it with a note or submits it. A draft is no entry: only its submission
 * registers one (entry_id), so no count, stage or workflow ever sees a draft.
 */
export class Drafts1765100000000 implements MigrationInterface {
  name = 'Drafts1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check, DROP CONSTRAINT users_agency_role`);
    await db.query(`
      ALTER TABLE users
        ADD CONSTRAINT users_role_check CHECK (role IN ('admin','agency','agency-unit','evaluator','panelist','auditor')),
        ADD CONSTRAINT users_agency_role CHECK ((role IN ('agency','agency-unit')) = (agency_code IS NOT NULL))`);
    await db.query(`
      CREATE TABLE entry_drafts (
        id uuid PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id),
        agency_code text NOT NULL REFERENCES agencies (code),
        created_by uuid NOT NULL REFERENCES users (id),
        group_key text,
        title text NOT NULL,
        summary text NOT NULL DEFAULT '',
        launch_date date,
        evidence_links jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','in_review','returned','submitted')),
        review_note text,
        reviewed_by uuid REFERENCES users (id),
        revision integer NOT NULL DEFAULT 1,
        entry_id uuid REFERENCES entries (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        CONSTRAINT entry_drafts_submitted CHECK ((status = 'submitted') = (entry_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX entry_drafts_agency ON entry_drafts (agency_code, cycle_id, status)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE entry_drafts`);
    await db.query(`DELETE FROM users WHERE role = 'agency-unit'`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_role_check, DROP CONSTRAINT users_agency_role`);
    await db.query(`
      ALTER TABLE users
        ADD CONSTRAINT users_role_check CHECK (role IN ('admin','agency','evaluator','panelist','auditor')),
        ADD CONSTRAINT users_agency_role CHECK ((role = 'agency') = (agency_code IS NOT NULL))`);
  }
}
