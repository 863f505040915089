import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { auditRowHash, verifyChain } from '../../libs/audit/audit-chain';
import type { AuditRow } from '../../libs/audit/types';
import {
  FIXED_LOCKS,
  appendAuditRows,
  createDataSource,
  readAuditRows,
  verifyAuditLog,
  type AuditEventToAppend,
} from '../../libs/persistence';
import { AuditLog1764900000000 } from '../../libs/persistence/migrations/1764900000000-audit-log.migration';
import { createScratchDatabase, type ScratchDatabase } from '../../libs/persistence/scratch-database';
import { testEnv } from '../support/test-env';

/** Decision events of one made-up entry workflow; `from` lets a test add later events of the same run. */
function decisions(workflowId: string, count: number, from = 1): AuditEventToAppend[] {
  const runId = `run-${workflowId}`;
  return Array.from({ length: count }, (_, index) => {
    const eventId = from + index * 3;
    return {
      workflowId,
      runId,
      eventId,
      eventType: eventId === 1 ? 'started' : 'update-completed',
      name: eventId === 1 ? 'entryWorkflow' : 'submitDeskScore',
      occurredAt: new Date(Date.UTC(2024, 6, 1, 2, 0, 0, eventId)).toISOString(),
      actor: eventId === 1 ? null : `evaluator-${eventId}`,
      cycleId: 'cycle-pkri-2024',
      entryId: null,
      payload: { note: `penilaian ${eventId}: Kabupaten Banyuwangi — “Smart Kampung”`, score: 80.5 + eventId },
    };
  });
}

/** Checks rows this suite appended against the row before each, without assuming anything about other rows. */
async function expectOwnRowsIntact(db: DataSource, rows: AuditRow[]): Promise<void> {
  for (const row of rows) {
    const [before] = row.seq > 1 ? await readAuditRows(db, { afterSeq: row.seq - 2, limit: 1 }) : [];
    expect(verifyChain([row], before ?? null)).toEqual({ checked: 1, firstBroken: null });
  }
}

/** A superuser who skips the triggers (as replication does) and edits the table behind the application's back. */
async function tamper(db: DataSource, work: (runner: QueryRunner) => Promise<void>): Promise<void> {
  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query('SET LOCAL session_replication_role = replica');
    await work(runner);
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    await runner.release();
  }
}

/**
 * Runs one statement on a connection of its own (the URL the application uses) in a transaction that is always
 * rolled back, so a trigger that failed to refuse would harm nothing. Plain pg, so that the expected refusals are
 * not logged as query failures.
 */
async function attempt(url: string, sql: string, parameters: unknown[] = []): Promise<unknown> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    return await client.query(sql, parameters);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

/** Exchanges two rows' seq values; the primary key is checked row by row, so through a free seq. */
async function swapSeq(runner: QueryRunner, a: number, b: number): Promise<void> {
  const parked = 1_000_000_000 + a;
  await runner.query('UPDATE audit_log SET seq = $1 WHERE seq = $2', [parked, a]);
  await runner.query('UPDATE audit_log SET seq = $1 WHERE seq = $2', [a, b]);
  await runner.query('UPDATE audit_log SET seq = $1 WHERE seq = $2', [b, parked]);
}

describe('[audit] the append-only, hash-chained audit log', () => {
  let app: DataSource;
  let scratchDatabase: ScratchDatabase;
  let scratch: DataSource;

  beforeAll(async () => {
    app = await createDataSource(testEnv('databaseUrl')).initialize();
    // The tamper tests rewrite history; they get a database of their own on the same server so that other suites
    // sharing the run's database never see a broken log.
    scratchDatabase = await createScratchDatabase(
      testEnv('databaseUrl'),
      `tahap_audit_${process.pid}_${Date.now()}`,
      'TEST_DATABASE_ADMIN_URL',
    );
    scratch = await createDataSource(scratchDatabase.url).initialize();
    await scratch.runMigrations();
  });

  afterAll(async () => {
    if (app?.isInitialized) await app.destroy();
    if (scratch?.isInitialized) await scratch.destroy();
    await scratchDatabase?.drop();
  });

  it('[audit] appended rows read back exactly as they were hashed, in one run of seq; a retry appends nothing', async () => {
    const workflowId = `entry-audit-${randomUUID()}`;
    const entryId = randomUUID();
    const events = decisions(workflowId, 4).map((event) => ({ ...event, entryId: entryId.toUpperCase() }));
    // What jsonb and timestamptz do to values: an offset, undefined properties, key order, a Date, -0.
    events[1] = {
      ...events[1],
      occurredAt: '2024-07-01T09:00:00.004+07:00',
      payload: {
        z: 1,
        a: { y: [1, 'dua', null, { b: true }], x: undefined },
        at: new Date(Date.UTC(2024, 0, 2)),
        n: -0,
      },
    };

    const first = await appendAuditRows(app, events);
    expect(first.appended).toBe(4);
    const retried = await appendAuditRows(app, [...events, ...decisions(workflowId, 1, 13)]);
    expect(retried.appended).toBe(1);

    const rows = await readAuditRows(app, { workflowId });
    expect(rows.map((row) => row.eventId)).toEqual([1, 4, 7, 10, 13]);
    // One call's rows are consecutive: writers hold the writers' lock for the whole transaction.
    expect(rows.slice(1, 4).map((row) => row.seq - rows[0].seq)).toEqual([1, 2, 3]);
    // The head each call returns is its own last row (no one else wrote in between).
    expect(first.head).toEqual({ seq: rows[3].seq, hash: rows[3].hash });
    expect(rows[1]).toMatchObject({
      occurredAt: '2024-07-01T02:00:00.004Z',
      entryId,
      payload: { z: 1, a: { y: [1, 'dua', null, { b: true }] }, at: '2024-01-02T00:00:00.000Z', n: 0 },
    });
    expect(rows[0]).toMatchObject({ eventType: 'started', actor: null, cycleId: 'cycle-pkri-2024' });
    for (const row of rows) {
      expect(row.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(auditRowHash(row)).toBe(row.hash);
    }
    expect(rows[4].recordedAt >= rows[3].recordedAt).toBe(true);
    await expectOwnRowsIntact(app, rows);

    expect(await readAuditRows(app, { entryId })).toHaveLength(4);
    expect(await readAuditRows(app, { entryId: 'not-a-uuid' })).toEqual([]);
    const page = await readAuditRows(app, { afterSeq: rows[1].seq, limit: 2, workflowId });
    expect(page.map((row) => row.seq)).toEqual([rows[2].seq, rows[3].seq]);
  });

  it("[audit] the application's own connection cannot UPDATE, DELETE or TRUNCATE the log", async () => {
    const workflowId = `entry-audit-${randomUUID()}`;
    await appendAuditRows(app, decisions(workflowId, 2));
    const before = await readAuditRows(app, { workflowId });
    const seq = before[0].seq;

    await expect(
      attempt(testEnv('databaseUrl'), `UPDATE audit_log SET actor = 'admin-1' WHERE seq = $1`, [seq]),
    ).rejects.toThrow(/audit_log is append-only: rows cannot be changed or deleted \(UPDATE refused\)/);
    await expect(attempt(testEnv('databaseUrl'), 'DELETE FROM audit_log WHERE seq = $1', [seq])).rejects.toThrow(
      /audit_log is append-only.*\(DELETE refused\)/,
    );
    await expect(attempt(testEnv('databaseUrl'), 'TRUNCATE audit_log')).rejects.toThrow(
      /audit_log is append-only.*\(TRUNCATE refused\)/,
    );
    expect(await readAuditRows(app, { workflowId })).toEqual(before);
  });

  it('[audit] concurrent writers build one chain without gaps, and the whole log verifies', async () => {
    const writers = Array.from({ length: 8 }, () => decisions(`entry-audit-${randomUUID()}`, 5));
    const results = await Promise.all(writers.map((events) => appendAuditRows(scratch, events)));
    expect(results.map((result) => result.appended)).toEqual(writers.map(() => 5));

    const rows = await readAuditRows(scratch);
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    for (const events of writers) {
      const own = rows.filter((row) => row.workflowId === events[0].workflowId).map((row) => row.seq);
      expect(own).toEqual(own.map((_, index) => own[0] + index));
    }
    expect(await verifyAuditLog(scratch)).toEqual({ checked: 40, firstBroken: null });
    // Batches of 3 do not divide 40: the last, short batch and every boundary are exercised.
    expect(await verifyAuditLog(scratch, 3)).toEqual({ checked: 40, firstBroken: null });
  });

  describe('[audit] a superuser who bypasses the triggers is caught by the chain', () => {
    // Batches of 4 put rows 4 and 5 on either side of a boundary.
    const BATCH = 4;

    it('[audit] one byte changed in a payload names that row, and restoring it heals the log', async () => {
      const [original] = await readAuditRows(scratch, { afterSeq: 6, limit: 1 });
      const note = (original.payload as { note: string }).note;
      const changed = note.replace('Banyuwangi', 'Banyuwangy');
      expect(changed).not.toBe(note);
      const setNote = (text: string) =>
        tamper(scratch, (runner) =>
          runner.query(
            `UPDATE audit_log SET payload = jsonb_set(payload, '{note}', to_jsonb($1::text)) WHERE seq = 7`,
            [text],
          ),
        );

      await setNote(changed);
      const verdict = await verifyAuditLog(scratch, BATCH);
      expect(verdict.checked).toBe(6);
      expect(verdict.firstBroken?.seq).toBe(7);
      expect(verdict.firstBroken?.reason).toMatch(/^row 7 was changed after it was written: /);

      await setNote(note);
      expect(await verifyAuditLog(scratch, BATCH)).toEqual({ checked: 40, firstBroken: null });
    });

    it('[audit] a deleted row is named as missing, and re-inserting it as it was heals the log', async () => {
      const [{ saved }] = await scratch.query(`SELECT row_to_json(a)::text AS saved FROM audit_log a WHERE seq = 5`);
      await tamper(scratch, (runner) => runner.query('DELETE FROM audit_log WHERE seq = 5'));

      expect(await verifyAuditLog(scratch, BATCH)).toEqual({
        checked: 4,
        firstBroken: { seq: 5, reason: expect.stringMatching(/^row 5 is missing: row 4 is followed by row 6/) },
      });

      await tamper(scratch, (runner) =>
        runner.query('INSERT INTO audit_log SELECT * FROM json_populate_record(NULL::audit_log, $1::json)', [saved]),
      );
      expect(await verifyAuditLog(scratch, BATCH)).toEqual({ checked: 40, firstBroken: null });
    });

    it('[audit] two rows whose seq values were exchanged name the first of them, and swapping back heals the log', async () => {
      await tamper(scratch, (runner) => swapSeq(runner, 4, 5));

      const verdict = await verifyAuditLog(scratch, BATCH);
      expect(verdict.checked).toBe(3);
      expect(verdict.firstBroken?.seq).toBe(4);
      expect(verdict.firstBroken?.reason).toMatch(/^row 4 does not follow row 3: /);

      await tamper(scratch, (runner) => swapSeq(runner, 4, 5));
      expect(await verifyAuditLog(scratch, BATCH)).toEqual({ checked: 40, firstBroken: null });
    });
  });

  it('[audit] a writer waits for another writer to commit, while readers do not wait at all', async () => {
    const holder = new Client({ connectionString: scratchDatabase.url });
    await holder.connect();
    try {
      // What appendAuditRows holds from its first statement to its commit.
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [FIXED_LOCKS.auditLogWriter]);
      let appended = false;
      const append = appendAuditRows(scratch, decisions(`entry-audit-${randomUUID()}`, 1)).then((result) => {
        appended = true;
        return result;
      });
      expect(await readAuditRows(scratch, { afterSeq: 38 })).toHaveLength(2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(appended).toBe(false);
      await holder.query('COMMIT');
      expect((await append).appended).toBe(1);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
    expect(await verifyAuditLog(scratch)).toEqual({ checked: 41, firstBroken: null });
  });

  it("[audit] the migration's down removes the log and its trigger function, and up brings both back", async () => {
    const migration = new AuditLog1764900000000();
    const exists = async () => {
      const [row] = await scratch.query(
        `SELECT to_regclass('audit_log') IS NOT NULL AS log,
                to_regprocedure('audit_log_refuse_change()') IS NOT NULL AS refuse`,
      );
      return row as { log: boolean; refuse: boolean };
    };
    const runner = scratch.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await exists()).toEqual({ log: false, refuse: false });
      await migration.up(runner);
      expect(await exists()).toEqual({ log: true, refuse: true });
    } finally {
      await runner.release();
    }
    await appendAuditRows(scratch, decisions(`entry-audit-${randomUUID()}`, 1));
    await expect(attempt(scratchDatabase.url, 'DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
  it('[audit] a production application role (SELECT and INSERT only, not the owner) appends but can neither change rows nor get round the triggers', async () => {
    const role = `tahap_app_${process.pid}`;
    const admin = new Client({ connectionString: scratchDatabase.url });
    await admin.connect();
    try {
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.query(`CREATE ROLE ${role} LOGIN`);
      await admin.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
      await admin.query(`GRANT SELECT, INSERT ON audit_log TO ${role}`);
      const url = new URL(scratchDatabase.url);
      url.username = role;
      url.password = '';
      const asApp = await createDataSource(url.toString()).initialize();
      try {
        const workflowId = `entry-audit-${randomUUID()}`;
        expect((await appendAuditRows(asApp, decisions(workflowId, 2))).appended).toBe(2);
        const [row] = await readAuditRows(asApp, { workflowId });
        for (const sql of [
          `UPDATE audit_log SET actor = 'admin-1' WHERE seq = ${row.seq}`,
          `DELETE FROM audit_log WHERE seq = ${row.seq}`,
          'TRUNCATE audit_log',
        ]) {
          await expect(attempt(url.toString(), sql)).rejects.toThrow(/permission denied for table audit_log/);
        }
        await expect(attempt(url.toString(), 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).rejects.toThrow(
          /must be owner of table audit_log/,
        );
        await expect(attempt(url.toString(), 'SET session_replication_role = replica')).rejects.toThrow(
          /permission denied/,
        );
        expect(await readAuditRows(asApp, { workflowId })).toHaveLength(2);
      } finally {
        await asApp.destroy();
      }
    } finally {
      await admin.query(`DROP OWNED BY ${role}`).catch(() => undefined);
      await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await admin.end();
    }
  });
});
