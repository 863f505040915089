import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Presentation and interview before the panel: panels with their panelists and meeting links, days agencies
 * declared unavailable, the slots laid out from the template, bookings (the database forbids two live bookings of
 * one slot, or two of one entry), every change to a booking, entries the schedule could not place and why, and
 * every version of every interview score. Notices may carry a file (an iCalendar invitation).
 */
export class Interview1764700000000 implements MigrationInterface {
  name = 'Interview1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notices ADD COLUMN attachment jsonb`);
    await db.query(`
      CREATE TABLE interview_panels (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        panel_key text NOT NULL,
        name text NOT NULL,
        meeting_url text NOT NULL,
        PRIMARY KEY (cycle_id, stage_key, panel_key)
      )`);
    await db.query(`
      CREATE TABLE interview_panelists (
        cycle_id text NOT NULL,
        stage_key text NOT NULL,
        panel_key text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id),
        affiliations text[] NOT NULL,
        province text,
        PRIMARY KEY (cycle_id, stage_key, user_id),
        FOREIGN KEY (cycle_id, stage_key, panel_key)
          REFERENCES interview_panels (cycle_id, stage_key, panel_key) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE interview_unavailable_days (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        agency_code text NOT NULL REFERENCES agencies (code),
        day date NOT NULL,
        declared_by uuid REFERENCES users (id),
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, agency_code, day)
      )`);
    await db.query(`
      CREATE TABLE interview_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        panel_key text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        meeting_url text NOT NULL,
        UNIQUE (cycle_id, stage_key, panel_key, starts_at),
        FOREIGN KEY (cycle_id, stage_key, panel_key) REFERENCES interview_panels (cycle_id, stage_key, panel_key)
      )`);
    await db.query(`
      CREATE TABLE interview_bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        slot_id uuid NOT NULL REFERENCES interview_slots (id),
        sequence integer NOT NULL DEFAULT 0,
        booked_by text NOT NULL,
        reason text NOT NULL,
        confirmed_at timestamptz,
        released_at timestamptz,
        released_reason text,
        attendance text CHECK (attendance IN ('present', 'absent', 'no-show')),
        attendance_by text,
        attendance_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE UNIQUE INDEX interview_bookings_one_per_slot ON interview_bookings (slot_id) WHERE released_at IS NULL`,
    );
    await db.query(
      `CREATE UNIQUE INDEX interview_bookings_one_per_entry ON interview_bookings (entry_id, stage_key) WHERE released_at IS NULL`,
    );
    await db.query(`CREATE INDEX interview_bookings_cycle ON interview_bookings (cycle_id, stage_key)`);
    await db.query(`
      CREATE TABLE interview_booking_events (
        id bigserial PRIMARY KEY,
        booking_id uuid NOT NULL REFERENCES interview_bookings (id) ON DELETE CASCADE,
        kind text NOT NULL,
        sequence integer NOT NULL,
        from_slot_id uuid REFERENCES interview_slots (id),
        to_slot_id uuid REFERENCES interview_slots (id),
        actor text NOT NULL,
        reason text,
        update_id text UNIQUE,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE interview_unplaced (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        reason text NOT NULL,
        PRIMARY KEY (cycle_id, stage_key, entry_id)
      )`);
    await db.query(`
      CREATE TABLE interview_scores (
        id bigserial PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        version integer NOT NULL,
        scores jsonb NOT NULL,
        comment text,
        weighted numeric NOT NULL,
        update_id text NOT NULL UNIQUE,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (entry_id, stage_key, user_id, version)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'interview_scores',
      'interview_unplaced',
      'interview_booking_events',
      'interview_bookings',
      'interview_slots',
      'interview_unavailable_days',
      'interview_panelists',
      'interview_panels',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`ALTER TABLE notices DROP COLUMN attachment`);
  }
}
