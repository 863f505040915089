import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { AuditRow, DecisionEvent } from './types';

/** The prevHash of the first row: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where a chain first stops being trustworthy, and what a person should look at. */
export interface ChainBreak {
  seq: number;
  reason: string;
}

export interface ChainVerdict {
  /** Rows found intact (linked and unchanged) before the first break, or all rows when there is none. */
  checked: number;
  firstBroken: ChainBreak | null;
}

/**
 * SHA-256 (hex) of the row's RFC 8785 canonical JSON. The fields are listed one by one rather than spread, so a
 * column added to AuditRow later does not silently change (or escape) the hash: adding it here is a deliberate
 * change of the log's format.
 */
export function auditRowHash(row: Omit<AuditRow, 'hash'>): string {
  const hashed = {
    seq: row.seq,
    workflowId: row.workflowId,
    runId: row.runId,
    eventId: row.eventId,
    eventType: row.eventType,
    name: row.name,
    occurredAt: row.occurredAt,
    actor: row.actor,
    cycleId: row.cycleId,
    entryId: row.entryId,
    payload: row.payload,
    recordedAt: row.recordedAt,
    prevHash: row.prevHash,
  };
  return createHash('sha256').update(canonicalize(hashed), 'utf8').digest('hex');
}

/**
 * Checks rows in seq order: numbering without gaps, each row linked to the one before, each row unchanged since it
 * was hashed. `previous` is the last row of the batch before (already verified), so a log of any length can be
 * verified batch by batch; without it the rows must start at row 1.
 */
export function verifyChain(rows: Iterable<AuditRow>, previous?: AuditRow | null): ChainVerdict {
  let before = previous ?? null;
  let checked = 0;
  for (const row of rows) {
    const broken = linkProblem(row, before) ?? changeProblem(row);
    if (broken) return { checked, firstBroken: broken };
    checked += 1;
    before = row;
  }
  return { checked, firstBroken: null };
}

function linkProblem(row: AuditRow, before: AuditRow | null): ChainBreak | null {
  const expectedSeq = before ? before.seq + 1 : 1;
  if (row.seq > expectedSeq) {
    const context = before ? `row ${before.seq} is followed by row ${row.seq}` : `the log starts at row ${row.seq}`;
    return {
      seq: expectedSeq,
      reason: `row ${expectedSeq} is missing: ${context}; rows were deleted from the log (restore them from a backup or an export)`,
    };
  }
  if (row.seq < expectedSeq) {
    return {
      seq: row.seq,
      reason: before
        ? `row ${row.seq} is out of order: it comes after row ${before.seq}; rows were renumbered or read out of seq order`
        : `row ${row.seq} cannot exist: the log starts at row 1`,
    };
  }
  const expectedPrevious = before ? before.hash : GENESIS_HASH;
  if (row.prevHash !== expectedPrevious) {
    const what = before ? `row ${before.seq}'s hash is ${before.hash}` : `the first row must follow ${GENESIS_HASH}`;
    return {
      seq: row.seq,
      reason:
        `row ${row.seq} does not follow row ${row.seq - 1}: it records prevHash ${row.prevHash} but ${what}; ` +
        `a row was replaced, reordered or inserted here`,
    };
  }
  return null;
}

function changeProblem(row: AuditRow): ChainBreak | null {
  const recomputed = auditRowHash(row);
  if (recomputed === row.hash) return null;
  return {
    seq: row.seq,
    reason:
      `row ${row.seq} was changed after it was written: its content hashes to ${recomputed}, not to the recorded ` +
      `${row.hash} (event ${row.eventId} of ${row.workflowId}); compare it with the workflow's history`,
  };
}

export interface CrossCheck {
  /** Rows whose (runId, eventId) is no decision event of the history. */
  orphanRows: AuditRow[];
  /** Decision events without a row, below the highest event of the run that has one: a gap in the log. */
  missingEvents: DecisionEvent[];
  /** Decision events after the last one with a row: not sealed yet. */
  pendingEvents: DecisionEvent[];
  /** Rows whose event says something else than the history does. */
  mismatched: { row: AuditRow; event: DecisionEvent }[];
}

/** Compares one workflow execution's audit rows with the decision events of its history. */
export function crossCheck(rows: AuditRow[], events: DecisionEvent[]): CrossCheck {
  const key = (runId: string, eventId: number) => `${runId}\u0000${eventId}`;
  const eventsByKey = new Map(events.map((event) => [key(event.runId, event.eventId), event]));
  const recorded = new Set<string>();
  const highestRecorded = new Map<string, number>();
  const result: CrossCheck = { orphanRows: [], missingEvents: [], pendingEvents: [], mismatched: [] };

  for (const row of rows) {
    const rowKey = key(row.runId, row.eventId);
    recorded.add(rowKey);
    highestRecorded.set(row.runId, Math.max(highestRecorded.get(row.runId) ?? 0, row.eventId));
    const event = eventsByKey.get(rowKey);
    if (!event) result.orphanRows.push(row);
    else if (!sameDecision(row, event)) result.mismatched.push({ row, event });
  }
  for (const event of [...events].sort((a, b) => a.eventId - b.eventId)) {
    if (recorded.has(key(event.runId, event.eventId))) continue;
    if (event.eventId < (highestRecorded.get(event.runId) ?? 0)) result.missingEvents.push(event);
    else result.pendingEvents.push(event);
  }
  return result;
}

function sameDecision(row: AuditRow, event: DecisionEvent): boolean {
  return (
    row.workflowId === event.workflowId &&
    row.eventType === event.eventType &&
    row.name === event.name &&
    sameInstant(row.occurredAt, event.occurredAt) &&
    row.actor === event.actor &&
    canonicalize(row.payload ?? null) === canonicalize(event.payload ?? null)
  );
}

/** The log keeps milliseconds; a history may spell the same instant with more digits or another offset. */
function sameInstant(a: string, b: string): boolean {
  const [left, right] = [Date.parse(a), Date.parse(b)];
  return Number.isNaN(left) || Number.isNaN(right) ? a === b : left === right;
}
