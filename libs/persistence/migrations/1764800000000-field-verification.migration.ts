import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verifikasi lapangan: one visit per entry and stage, by a panelist and an evaluator who are two different people,
 * on a day (in the stage's zone), on site or virtual, with why these two were chosen. The outcome is recorded once,
 * with notes, by whom and when: all four together or none.
 */
export class FieldVerification1764800000000 implements MigrationInterface {
  name = 'FieldVerification1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE field_visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id text NOT NULL,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        panelist_user_id uuid NOT NULL REFERENCES users (id),
        evaluator_user_id uuid NOT NULL REFERENCES users (id),
        visit_date date NOT NULL,
        mode text NOT NULL CHECK (mode IN ('on-site', 'virtual')),
        reason text NOT NULL,
        planned_by uuid NOT NULL REFERENCES users (id),
        planned_at timestamptz NOT NULL DEFAULT now(),
        outcome text CHECK (outcome IN ('verified', 'partly-verified', 'not-verified', 'not-visited')),
        notes text,
        outcome_by uuid REFERENCES users (id),
        outcome_at timestamptz,
        CONSTRAINT field_visits_one_per_entry UNIQUE (entry_id, stage_key),
        CONSTRAINT field_visits_two_people CHECK (panelist_user_id <> evaluator_user_id),
        CONSTRAINT field_visits_outcome_whole CHECK (
          (outcome IS NULL) = (notes IS NULL) AND (outcome IS NULL) = (outcome_by IS NULL)
          AND (outcome IS NULL) = (outcome_at IS NULL)),
        FOREIGN KEY (cycle_id, stage_key) REFERENCES cycle_stages (cycle_id, key) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX field_visits_stage ON field_visits (cycle_id, stage_key)`);
    await db.query(`CREATE INDEX field_visits_panelist ON field_visits (panelist_user_id)`);
    await db.query(`CREATE INDEX field_visits_evaluator ON field_visits (evaluator_user_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE field_visits`);
  }
}
