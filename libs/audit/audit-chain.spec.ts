import { auditRowHash, crossCheck, GENESIS_HASH, verifyChain } from './audit-chain';
import type { AuditRow, DecisionEvent } from './types';

const WORKFLOW = 'entry-cycle-pkri-2024-6f1c2a34-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const RUN = '0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8a9b';

function decision(eventId: number, overrides: Partial<DecisionEvent> = {}): DecisionEvent {
  return {
    workflowId: WORKFLOW,
    runId: RUN,
    eventId,
    eventType: eventId === 1 ? 'started' : 'update-completed',
    name: eventId === 1 ? 'entryWorkflow' : 'submitDeskScore',
    occurredAt: new Date(Date.UTC(2024, 6, 1, 2, 0, eventId)).toISOString(),
    actor: eventId === 1 ? null : 'evaluator-17',
    payload: { eventId, note: `penilaian ke-${eventId}`, scores: { inovasi: 80 + eventId, dampak: 70 } },
    ...overrides,
  };
}

/** Rows as appendAuditRows writes them: numbered from 1, each linked to the one before. */
function chain(length: number): AuditRow[] {
  const rows: AuditRow[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const unhashed = {
      ...decision(seq * 4),
      seq,
      cycleId: 'cycle-pkri-2024',
      entryId: '6f1c2a34-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      recordedAt: '2024-07-01T02:05:00.123Z',
      prevHash: seq === 1 ? GENESIS_HASH : rows[seq - 2].hash,
    };
    rows.push({ ...unhashed, hash: auditRowHash(unhashed) });
  }
  return rows;
}

/** A row changed by someone who also wrote a fresh hash for it (auditRowHash ignores the stale one). */
const rehashed = (row: AuditRow): AuditRow => ({ ...row, hash: auditRowHash(row) });

/** What the table looks like after exchanging two rows' seq values, read in seq order. */
function swapSeq(rows: AuditRow[], a: number, b: number): AuditRow[] {
  return rows
    .map((row) => (row.seq === a ? { ...row, seq: b } : row.seq === b ? { ...row, seq: a } : row))
    .sort((x, y) => x.seq - y.seq);
}

describe('auditRowHash', () => {
  it('hashes the canonical JSON: key order does not matter, every listed field does', () => {
    const [row] = chain(1);
    const { hash, ...unhashed } = row;
    const reordered = {
      ...unhashed,
      payload: { scores: { dampak: 70, inovasi: 84 }, note: 'penilaian ke-4', eventId: 4 },
    };
    expect(auditRowHash(reordered)).toBe(row.hash);
    expect(auditRowHash({ ...unhashed, actor: 'evaluator-18' })).not.toBe(hash);
    expect(auditRowHash({ ...unhashed, prevHash: '1'.repeat(64) })).not.toBe(hash);
  });

  it('ignores properties that are not columns of the log, and its format is pinned', () => {
    const [row] = chain(1);
    const { hash, ...unhashed } = row;
    expect(auditRowHash({ ...unhashed, extra: 'not a column' } as typeof unhashed)).toBe(hash);
    // Computed independently (Python, sorted keys, no spaces). A change of this value is a change of the log's
    // format: every existing row would stop verifying.
    expect(hash).toBe('c8f92d64034cbdcebd188fe5d1952dc5eeef36e1486dc174855af6e1af0a4f61');
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain of five rows', () => {
    expect(verifyChain(chain(5))).toEqual({ checked: 5, firstBroken: null });
    expect(verifyChain([])).toEqual({ checked: 0, firstBroken: null });
  });

  it('names the row whose payload lost or gained a byte', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], payload: { ...(rows[2].payload as object), note: 'penilaian ke-13' } };
    const { checked, firstBroken } = verifyChain(rows);
    expect(checked).toBe(2);
    expect(firstBroken?.seq).toBe(3);
    expect(firstBroken?.reason).toMatch(/^row 3 was changed after it was written: /);
  });

  it('names the next row when a changed row was hashed again to hide the change', () => {
    const rows = chain(5);
    rows[2] = rehashed({ ...rows[2], actor: 'admin-1' });
    const { firstBroken } = verifyChain(rows);
    expect(firstBroken?.seq).toBe(4);
    expect(firstBroken?.reason).toMatch(/^row 4 does not follow row 3: /);
  });

  it('names the first missing seq when a row was deleted', () => {
    const rows = chain(5).filter((row) => row.seq !== 3);
    expect(verifyChain(rows).firstBroken).toEqual({
      seq: 3,
      reason: expect.stringMatching(/^row 3 is missing: row 2 is followed by row 4/),
    });
    expect(verifyChain(chain(5).slice(1)).firstBroken).toEqual({
      seq: 1,
      reason: expect.stringMatching(/^row 1 is missing: the log starts at row 2/),
    });
  });

  it('names the first of two rows whose seq values were exchanged', () => {
    const { checked, firstBroken } = verifyChain(swapSeq(chain(5), 2, 3));
    expect(checked).toBe(1);
    expect(firstBroken?.seq).toBe(2);
    expect(firstBroken?.reason).toMatch(/^row 2 does not follow row 1: /);
  });

  it('names the row whose prevHash was altered', () => {
    const rows = chain(5);
    rows[3] = rehashed({ ...rows[3], prevHash: 'f'.repeat(64) });
    const { firstBroken } = verifyChain(rows);
    expect(firstBroken?.seq).toBe(4);
    expect(firstBroken?.reason).toContain(`records prevHash ${'f'.repeat(64)} but row 3's hash is ${chain(5)[2].hash}`);
  });

  it('refuses a first row that does not start from the genesis hash, or rows out of order', () => {
    const rows = chain(2);
    expect(verifyChain([rehashed({ ...rows[0], prevHash: '1'.repeat(64) })]).firstBroken?.reason).toMatch(
      /^row 1 does not follow row 0: .* the first row must follow 0{64}/,
    );
    expect(verifyChain([rows[0], rows[1], rows[1]]).firstBroken).toEqual({
      seq: 2,
      reason: expect.stringMatching(/^row 2 is out of order: it comes after row 2/),
    });
  });

  it('verifies in batches, each linked to the last row of the batch before', () => {
    const rows = chain(5);
    expect(verifyChain(rows.slice(0, 2))).toEqual({ checked: 2, firstBroken: null });
    expect(verifyChain(rows.slice(2), rows[1])).toEqual({ checked: 3, firstBroken: null });
    // A batch whose first row does not link to the previous batch, or leaves a gap after it.
    expect(verifyChain(rows.slice(3), rows[1]).firstBroken?.reason).toMatch(
      /^row 3 is missing: row 2 is followed by row 4/,
    );
    expect(verifyChain(swapSeq(rows, 3, 4).slice(2), rows[1]).firstBroken?.seq).toBe(3);
    // Batches are consumed lazily, so a generator over millions of rows never has to be held at once.
    function* stream() {
      yield* rows;
    }
    expect(verifyChain(stream())).toEqual({ checked: 5, firstBroken: null });
  });
});

describe('crossCheck', () => {
  const events = [1, 5, 9, 14, 20].map((eventId) => decision(eventId));
  const rowsFor = (selected: DecisionEvent[]): AuditRow[] =>
    selected.map((event, index) => ({
      ...event,
      seq: 100 + index,
      cycleId: 'cycle-pkri-2024',
      entryId: null,
      recordedAt: '2024-07-01T03:00:00.000Z',
      prevHash: GENESIS_HASH,
      hash: GENESIS_HASH,
    }));

  it('finds nothing to report when every decision has its row', () => {
    expect(crossCheck(rowsFor(events), events)).toEqual({
      orphanRows: [],
      missingEvents: [],
      pendingEvents: [],
      mismatched: [],
    });
  });

  it('tells a gap (missing) from decisions not sealed yet (pending)', () => {
    const result = crossCheck(rowsFor([events[0], events[2]]), events);
    expect(result.missingEvents.map((event) => event.eventId)).toEqual([5]);
    expect(result.pendingEvents.map((event) => event.eventId)).toEqual([14, 20]);
    expect(crossCheck([], events).pendingEvents).toHaveLength(5);
  });

  it('reports a row whose event is not a decision of the history, or of another run', () => {
    const rows = rowsFor(events);
    const stray = { ...rows[1], eventId: 6, seq: 200 };
    const otherRun = { ...rows[2], runId: 'another-run', seq: 201 };
    const result = crossCheck([...rows, stray, otherRun], events);
    expect(result.orphanRows).toEqual([stray, otherRun]);
    expect(result.mismatched).toEqual([]);
  });

  it('reports rows that say something else than the history, whatever the payload key order', () => {
    const rows = rowsFor(events);
    rows[1] = { ...rows[1], payload: { ...(rows[1].payload as object), scores: { inovasi: 99, dampak: 70 } } };
    rows[2] = { ...rows[2], actor: 'admin-1' };
    rows[3] = { ...rows[3], name: 'submitInterviewScore' };
    rows[4] = { ...rows[4], payload: { scores: { dampak: 70, inovasi: 100 }, note: 'penilaian ke-20', eventId: 20 } };
    const result = crossCheck(rows, events);
    expect(result.mismatched.map(({ row, event }) => [row.eventId, event.eventId])).toEqual([
      [5, 5],
      [9, 9],
      [14, 14],
    ]);
  });

  it('compares instants, not their spelling (the log keeps milliseconds, a history may keep more)', () => {
    const rows = rowsFor(events);
    const precise = events.map((event) => ({ ...event, occurredAt: event.occurredAt.replace('Z', '999Z') }));
    expect(crossCheck(rows, precise).mismatched).toEqual([]);
    const later = events.map((event, index) =>
      index === 3 ? { ...event, occurredAt: '2024-07-01T02:01:00.000Z' } : event,
    );
    expect(crossCheck(rows, later).mismatched.map(({ row }) => row.eventId)).toEqual([14]);
  });
});
