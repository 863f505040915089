import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts and roles, agency profiles, the full submission and screening stages, the in-app inbox. */
export class Registration1764400000000 implements MigrationInterface {
  name = 'Registration1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE agencies
        ADD COLUMN contacts jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN language text NOT NULL DEFAULT 'id' CHECK (language IN ('id','en'))`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','agency','evaluator','panelist','auditor')),
        agency_code text REFERENCES agencies (code),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_agency_role CHECK ((role = 'agency') = (agency_code IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email ON users (lower(email))`);
    await db.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_code text NOT NULL REFERENCES agencies (code),
        name text NOT NULL,
        secret_sha256 text NOT NULL UNIQUE,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        client text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_recent ON login_failures (lower(email), at)`);

    await db.query(`ALTER TABLE cycles ADD COLUMN starts_at timestamptz`);
    await db.query(`ALTER TABLE cycles ADD COLUMN paused boolean NOT NULL DEFAULT false`);
    await db.query(`
      CREATE TABLE stage_deadline_changes (
        id bigserial PRIMARY KEY,
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        stage_key text NOT NULL,
        previous_closes_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        reason text NOT NULL,
        requested_by text NOT NULL,
        changed_at timestamptz NOT NULL,
        CONSTRAINT stage_deadline_changes_once UNIQUE (cycle_id, stage_key, closes_at)
      )`);

    await db.query(`
      ALTER TABLE entries
        ADD COLUMN launch_date date,
        ADD COLUMN evidence_links jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN replicates_entry_id uuid REFERENCES entries (id),
        ADD COLUMN idempotency_key text,
        ADD COLUMN request_fingerprint text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN withdrawn_at timestamptz`);
    await db.query(`ALTER TABLE entries DROP CONSTRAINT entries_status_check`);
    await db.query(
      `ALTER TABLE entries ADD CONSTRAINT entries_status_check CHECK (status IN ('active','completed','withdrawn','eliminated'))`,
    );
    // A withdrawn entry frees its title: the agency may register it again.
    await db.query(`DROP INDEX entries_natural_key`);
    await db.query(
      `CREATE UNIQUE INDEX entries_natural_key ON entries (cycle_id, agency_code, lower(title)) WHERE status <> 'withdrawn'`,
    );
    await db.query(
      `CREATE UNIQUE INDEX entries_idempotency_key ON entries (agency_code, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await db.query(`CREATE INDEX entries_listing ON entries (cycle_id, cluster, group_key, status)`);

    await db.query(`
      CREATE TABLE entry_assignments (
        entry_id uuid NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        role text NOT NULL CHECK (role IN ('evaluator','panelist')),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (entry_id, user_id, role)
      )`);
    await db.query(`
      CREATE TABLE screening_decisions (
        entry_id uuid PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
        cycle_id text NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
        outcome text NOT NULL CHECK (outcome IN ('pass','fail')),
        reason text NOT NULL,
        decided_by text NOT NULL CHECK (decided_by IN ('rule','admin','default')),
        decided_by_user uuid REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE notices (
        id bigserial PRIMARY KEY,
        key text NOT NULL,
        agency_code text NOT NULL REFERENCES agencies (code),
        kind text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        language text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notices_once UNIQUE (key, agency_code)
      )`);
    await db.query(`CREATE INDEX notices_inbox ON notices (agency_code, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE notices');
    await db.query('DROP TABLE screening_decisions');
    await db.query('DROP TABLE entry_assignments');
    await db.query('DROP INDEX entries_listing');
    await db.query('DROP INDEX entries_idempotency_key');
    await db.query('DROP INDEX entries_natural_key');
    await db.query(`DELETE FROM entries WHERE status = 'withdrawn' OR status = 'eliminated'`);
    await db.query('CREATE UNIQUE INDEX entries_natural_key ON entries (cycle_id, agency_code, lower(title))');
    await db.query('ALTER TABLE entries DROP CONSTRAINT entries_status_check');
    await db.query(
      `ALTER TABLE entries ADD CONSTRAINT entries_status_check CHECK (status IN ('active','completed','withdrawn'))`,
    );
    await db.query(`
      ALTER TABLE entries
        DROP COLUMN launch_date, DROP COLUMN evidence_links, DROP COLUMN replicates_entry_id,
        DROP COLUMN idempotency_key, DROP COLUMN request_fingerprint, DROP COLUMN updated_at, DROP COLUMN withdrawn_at`);
    await db.query('DROP TABLE stage_deadline_changes');
    await db.query('ALTER TABLE cycles DROP COLUMN paused, DROP COLUMN starts_at');
    await db.query('DROP TABLE login_failures');
    await db.query('DROP TABLE api_keys');
    await db.query('DROP TABLE users');
    await db.query('ALTER TABLE agencies DROP COLUMN language, DROP COLUMN contacts');
  }
}
