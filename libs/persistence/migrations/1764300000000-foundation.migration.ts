import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764300000000 implements MigrationInterface {
  name = 'Foundation1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT templates_key_version UNIQUE (key, version)
      )`);
    await db.query(`
      CREATE TABLE agencies (
        code text PRIMARY KEY,
        name text NOT NULL,
        cluster text NOT NULL CHECK (cluster IN ('kementerian','lembaga','provinsi','kabupaten','kota','bumn','bumd')),
        province text NOT NULL,
        zone text NOT NULL CHECK (zone IN ('WIB','WITA','WIT')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE cycles (
        id text PRIMARY KEY,
        programme text NOT NULL,
        year integer NOT NULL,
        template_key text NOT NULL,
        template_version integer NOT NULL,
        resolved_template jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('scheduled','running','completed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT cycles_template FOREIGN KEY (template_key, template_version) REFERENCES templates (key, version)
      )`);
    await db.query(`
      CREATE TABLE cycle_stages (
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        key text NOT NULL,
        position integer NOT NULL,
        type text NOT NULL,
        name text NOT NULL,
        zone text NOT NULL,
        opens_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending','open','closed')),
        opened_at timestamptz,
        closed_at timestamptz,
        closed_by text CHECK (closed_by IN ('schedule','admin')),
        PRIMARY KEY (cycle_id, key),
        CONSTRAINT cycle_stages_position UNIQUE (cycle_id, position)
      )`);
    await db.query(`
      CREATE TABLE entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cycle_id text NOT NULL REFERENCES cycles (id),
        agency_code text NOT NULL REFERENCES agencies (code),
        title text NOT NULL,
        summary text NOT NULL,
        group_key text NOT NULL,
        cluster text NOT NULL,
        status text NOT NULL CHECK (status IN ('active','completed','withdrawn')),
        current_stage text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One title once per agency per cycle: the natural key that keeps a retried registration from making two entries.
    await db.query(`CREATE UNIQUE INDEX entries_natural_key ON entries (cycle_id, agency_code, lower(title))`);
    await db.query(`CREATE INDEX entries_cycle_stage ON entries (cycle_id, current_stage, status)`);
    await db.query(`
      CREATE TABLE entry_stage_events (
        id bigserial PRIMARY KEY,
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('entered','completed')),
        outcome text,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT entry_stage_events_once UNIQUE (entry_id, stage_key, kind)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE entry_stage_events');
    await db.query('DROP TABLE entries');
    await db.query('DROP TABLE cycle_stages');
    await db.query('DROP TABLE cycles');
    await db.query('DROP TABLE agencies');
    await db.query('DROP TABLE templates');
  }
}
