import { auditRowHash, GENESIS_HASH, verifyChain, type ChainVerdict } from '../../audit/audit-chain';
import type { AuditRow, DecisionEvent, DecisionEventType } from '../../audit/types';
import type { Db } from '../shared/db';
import { FIXED_LOCKS } from '../shared/locks';

/** What the log's functions need of a `Db`: scripts and tests hand them a DataSource, which has the same two. */
type AuditLogDb = Pick<Db, 'transaction' | 'query'>;

/** A decision event and what it is about, as the sealing activity hands it over. */
export type AuditEventToAppend = DecisionEvent & { cycleId: string | null; entryId: string | null };

export interface AuditRowFilter {
  /** Rows after this seq (paging). */
  afterSeq?: number;
  limit?: number;
  workflowId?: string;
  cycleId?: string;
  entryId?: string;
}

/**
 * The log's last row when a seal finished. The seal activity returns it, so it is kept in the sealing workflow's
 * Temporal history, outside this database: rows cut from the end of the log cannot hide from the cross-check.
 */
export interface AuditHead {
  seq: number;
  hash: string;
}

const LOCK_TIMEOUT = '20s';
const EVENT_TYPES: readonly DecisionEventType[] = ['started', 'signal', 'update-accepted', 'update-completed'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Keeps each INSERT … SELECT FROM unnest(…) to a moderate size; the transaction holds all of them together.
const INSERT_CHUNK = 1000;

const COLUMNS = `seq, workflow_id, run_id, event_id, event_type, name, occurred_at, actor, cycle_id, entry_id, payload,
  recorded_at, prev_hash, hash`;

/**
 * Appends the events not yet in the log, in the order given, as one transaction. Writers are serialised by a
 * transaction-level advisory lock that readers never wait for, so seq has no gaps, commits happen in seq order and
 * each row links to the row before (a writer that bypassed the lock would meet the primary key on seq). An event
 * already recorded (same workflow, run and event id) is skipped: a retried activity writes nothing twice.
 *
 * Values are normalised to what PostgreSQL gives back (instants as ISO milliseconds, uuids in lower case, the
 * payload as JSON) before they are hashed, so a row read back hashes to what was written.
 */
export async function appendAuditRows(
  db: AuditLogDb,
  events: AuditEventToAppend[],
): Promise<{ appended: number; head: AuditHead | null }> {
  const normalised = events.map(normaliseEvent);
  return db.transaction(async (manager) => {
    // A writer stuck behind the lock gives up (and its activity retries) instead of holding a connection for good.
    await manager.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    await manager.query('SELECT pg_advisory_xact_lock($1)', [FIXED_LOCKS.auditLogWriter]);
    const recorded = await alreadyRecorded(manager, normalised);
    const fresh: AuditEventToAppend[] = [];
    for (const event of normalised) {
      const key = eventKey(event);
      if (recorded.has(key)) continue;
      recorded.add(key); // the same event twice in one call is written once
      fresh.push(event);
    }
    const [last] = (await manager.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')) as {
      seq: string;
      hash: string;
    }[];
    if (fresh.length === 0) return { appended: 0, head: last ? { seq: Number(last.seq), hash: last.hash } : null };

    // Taken once the lock is held rather than at the transaction's start (now()), so recordedAt never goes back
    // as seq goes up; truncated, not rounded, to the milliseconds the log keeps.
    const [{ now }] = (await manager.query(`SELECT date_trunc('milliseconds', statement_timestamp()) AS now`)) as {
      now: Date;
    }[];
    const recordedAt = now.toISOString();
    let seq = last ? Number(last.seq) : 0;
    let prevHash = last ? last.hash : GENESIS_HASH;
    const rows: AuditRow[] = fresh.map((event) => {
      seq += 1;
      const row = {
        seq,
        workflowId: event.workflowId,
        runId: event.runId,
        eventId: event.eventId,
        eventType: event.eventType,
        name: event.name,
        occurredAt: event.occurredAt,
        actor: event.actor,
        cycleId: event.cycleId,
        entryId: event.entryId,
        payload: event.payload,
        recordedAt,
        prevHash,
      };
      const hash = auditRowHash(row);
      prevHash = hash;
      return { ...row, hash };
    });
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await insertRows(manager, rows.slice(start, start + INSERT_CHUNK));
    }
    return { appended: rows.length, head: { seq, hash: prevHash } };
  });
}

function normaliseEvent(event: AuditEventToAppend, index: number): AuditEventToAppend {
  const where = `event ${index} (${event.workflowId} #${event.eventId})`;
  if (!EVENT_TYPES.includes(event.eventType)) throw new Error(`${where}: unknown event type '${event.eventType}'`);
  if (!Number.isSafeInteger(event.eventId) || event.eventId <= 0) {
    throw new Error(`${where}: eventId must be a positive integer`);
  }
  const occurredAt = Date.parse(event.occurredAt);
  if (Number.isNaN(occurredAt)) throw new Error(`${where}: occurredAt '${event.occurredAt}' is not an instant`);
  if (event.entryId !== null && !UUID.test(event.entryId)) {
    throw new Error(`${where}: entryId '${event.entryId}' is not a uuid`);
  }
  // jsonb keeps what JSON keeps: undefined properties vanish, dates become strings; hash that, not the original.
  const json = JSON.stringify(event.payload);
  return {
    workflowId: event.workflowId,
    runId: event.runId,
    eventId: event.eventId,
    eventType: event.eventType,
    name: event.name,
    occurredAt: new Date(occurredAt).toISOString(),
    actor: event.actor ?? null,
    cycleId: event.cycleId ?? null,
    entryId: event.entryId === null ? null : event.entryId.toLowerCase(),
    payload: json === undefined ? null : (JSON.parse(json) as unknown),
  };
}

function eventKey(event: { workflowId: string; runId: string; eventId: number | string }): string {
  return JSON.stringify([event.workflowId, event.runId, String(event.eventId)]);
}

async function alreadyRecorded(manager: Db, events: AuditEventToAppend[]): Promise<Set<string>> {
  const found = (await manager.query(
    `SELECT workflow_id, run_id, event_id FROM audit_log
      WHERE (workflow_id, run_id, event_id) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]))`,
    [events.map((e) => e.workflowId), events.map((e) => e.runId), events.map((e) => e.eventId)],
  )) as { workflow_id: string; run_id: string; event_id: string }[];
  return new Set(
    found.map((row) => eventKey({ workflowId: row.workflow_id, runId: row.run_id, eventId: row.event_id })),
  );
}

async function insertRows(manager: Db, rows: AuditRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (${COLUMNS})
     SELECT seq, workflow_id, run_id, event_id, event_type, name, occurred_at, actor, cycle_id, entry_id,
            payload::jsonb, recorded_at, prev_hash, hash
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::timestamptz[],
                   $8::text[], $9::text[], $10::uuid[], $11::text[], $12::timestamptz[], $13::text[], $14::text[])
         AS t (seq, workflow_id, run_id, event_id, event_type, name, occurred_at, actor, cycle_id, entry_id, payload,
               recorded_at, prev_hash, hash)
      ORDER BY seq`,
    [
      rows.map((r) => r.seq),
      rows.map((r) => r.workflowId),
      rows.map((r) => r.runId),
      rows.map((r) => r.eventId),
      rows.map((r) => r.eventType),
      rows.map((r) => r.name),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.actor),
      rows.map((r) => r.cycleId),
      rows.map((r) => r.entryId),
      rows.map((r) => JSON.stringify(r.payload)),
      rows.map((r) => r.recordedAt),
      rows.map((r) => r.prevHash),
      rows.map((r) => r.hash),
    ],
  );
}

/** A row of `audit_log` as PostgreSQL returns it (bigints as text). */
export interface AuditLogRecord {
  seq: string;
  workflow_id: string;
  run_id: string;
  event_id: string;
  event_type: DecisionEventType;
  name: string;
  occurred_at: Date;
  actor: string | null;
  cycle_id: string | null;
  entry_id: string | null;
  payload: unknown;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

/** Rows in seq order, with values exactly as they were hashed (instants as ISO milliseconds, numbers as numbers). */
export async function readAuditRows(db: AuditLogDb, filter: AuditRowFilter = {}): Promise<AuditRow[]> {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const where = (sql: string, value: unknown) => {
    parameters.push(value);
    conditions.push(sql.replace('?', `$${parameters.length}`));
  };
  if (filter.afterSeq !== undefined) where('seq > ?', filter.afterSeq);
  if (filter.workflowId !== undefined) where('workflow_id = ?', filter.workflowId);
  if (filter.cycleId !== undefined) where('cycle_id = ?', filter.cycleId);
  if (filter.entryId !== undefined) {
    // No row can have an entry id that is not a uuid; asking for one is an empty answer, not a database error.
    if (!UUID.test(filter.entryId)) return [];
    where('entry_id = ?::uuid', filter.entryId);
  }
  let sql = `SELECT ${COLUMNS} FROM audit_log`;
  if (conditions.length > 0) sql += ` WHERE ${conditions.join(' AND ')}`;
  sql += ' ORDER BY seq';
  if (filter.limit !== undefined) {
    parameters.push(filter.limit);
    sql += ` LIMIT $${parameters.length}`;
  }
  const records = (await db.query(sql, parameters)) as AuditLogRecord[];
  return records.map(toAuditRow);
}

function toAuditRow(record: AuditLogRecord): AuditRow {
  return {
    seq: Number(record.seq),
    workflowId: record.workflow_id,
    runId: record.run_id,
    eventId: Number(record.event_id),
    eventType: record.event_type,
    name: record.name,
    occurredAt: record.occurred_at.toISOString(),
    actor: record.actor,
    cycleId: record.cycle_id,
    entryId: record.entry_id,
    payload: record.payload,
    recordedAt: record.recorded_at.toISOString(),
    prevHash: record.prev_hash,
    hash: record.hash,
  };
}

/**
 * Verifies the whole log from row 1, `batchSize` rows at a time, each batch linked to the last row of the one
 * before, so memory stays flat however long the log is. Stops at the first break.
 */
export async function verifyAuditLog(db: AuditLogDb, batchSize = 5000): Promise<ChainVerdict> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new Error('batchSize must be a positive integer');
  let previous: AuditRow | null = null;
  let checked = 0;
  for (;;) {
    const rows = await readAuditRows(db, { afterSeq: previous?.seq ?? 0, limit: batchSize });
    const verdict = verifyChain(rows, previous);
    checked += verdict.checked;
    if (verdict.firstBroken) return { checked, firstBroken: verdict.firstBroken };
    if (rows.length < batchSize) return { checked, firstBroken: null };
    previous = rows[rows.length - 1];
  }
}

/** The hash the log holds at each of these seqs (a seq no longer in the log is absent from the map). */
export async function auditHashesAt(db: Db, seqs: number[]): Promise<Map<number, string>> {
  const rows = (await db.query('SELECT seq, hash FROM audit_log WHERE seq = ANY($1)', [seqs])) as {
    seq: string;
    hash: string;
  }[];
  return new Map(rows.map((row) => [Number(row.seq), row.hash]));
}
