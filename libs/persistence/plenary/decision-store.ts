import { correctDecision, DomainError, ErrorCode, type CorrectionMove, type PlenaryDecision } from '../../domain';
import { decisionJson, exportDigest } from '../../plenary/decision-export';
import type { RecordedDecision } from '../../../workflows/plenary.messages';
import type { Db } from '../shared/db';

/**
 * The plenary's decisions as stored (`plenary_decisions`): written once with their canonical JSON and its SHA-256,
 * keyed by the workflow that made them, and read back as they were written.
 */
export interface StoredDecision {
  id: string;
  stageKey: string;
  sequence: number;
  decisionNumber: string;
  decision: PlenaryDecision;
  canonicalJson: string;
  sha256: string;
  announcedAt: Date | null;
  decidedAt: Date;
}

/** A row of `plenary_decisions`, as far as it is read back. */
export interface DecisionRow {
  id: string;
  stage_key: string;
  sequence: number;
  decision_number: string;
  canonical_json: string;
  json_sha256: string;
  announced_at: Date | null;
  decided_at: Date;
}

const toStored = (row: DecisionRow): StoredDecision => ({
  id: row.id,
  stageKey: row.stage_key,
  sequence: row.sequence,
  decisionNumber: row.decision_number,
  decision: JSON.parse(row.canonical_json) as PlenaryDecision,
  canonicalJson: row.canonical_json,
  sha256: row.json_sha256,
  announcedAt: row.announced_at,
  decidedAt: row.decided_at,
});

const DECISION_COLUMNS = `id, stage_key, sequence, decision_number, canonical_json, json_sha256, announced_at, decided_at`;

/** The decision in force: the latest of the cycle (`lock` holds it against a concurrent correction). */
export async function latestDecision(
  db: Db,
  cycleId: string,
  options: { lock?: boolean } = {},
): Promise<StoredDecision | null> {
  const [row] = await db.query<DecisionRow[]>(
    `SELECT ${DECISION_COLUMNS} FROM plenary_decisions WHERE cycle_id = $1
      ORDER BY sequence DESC LIMIT 1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [cycleId],
  );
  return row ? toStored(row) : null;
}

export async function decisionBySequence(db: Db, cycleId: string, sequence: number): Promise<StoredDecision> {
  const [row] = await db.query<DecisionRow[]>(
    `SELECT ${DECISION_COLUMNS} FROM plenary_decisions WHERE cycle_id = $1 AND sequence = $2`,
    [cycleId, sequence],
  );
  if (!row) throw new DomainError(ErrorCode.DecisionNotFound, `Cycle ${cycleId} has no decision ${sequence}.`);
  return toStored(row);
}

export async function allDecisions(db: Db, cycleId: string): Promise<StoredDecision[]> {
  const rows = await db.query<DecisionRow[]>(
    `SELECT ${DECISION_COLUMNS} FROM plenary_decisions WHERE cycle_id = $1 ORDER BY sequence`,
    [cycleId],
  );
  return rows.map(toStored);
}

export async function insertDecision(
  db: Db,
  row: {
    cycleId: string;
    stageKey: string;
    sequence: number;
    supersedesId: string | null;
    decision: PlenaryDecision;
    workflowId: string;
    decidedBy: string;
    announced: boolean;
  },
): Promise<RecordedDecision> {
  const json = decisionJson(row.decision);
  await db.query(
    `INSERT INTO plenary_decisions (cycle_id, stage_key, sequence, decision_number, supersedes_id, reason,
                                    canonical_json, json_sha256, workflow_id, decided_by, decided_at, announced_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
             (SELECT id FROM users WHERE id::text = $10), $11, CASE WHEN $12 THEN now() END)
     ON CONFLICT (workflow_id) DO NOTHING`,
    [
      row.cycleId,
      row.stageKey,
      row.sequence,
      row.decision.decisionNumber,
      row.supersedesId,
      row.decision.reason,
      json,
      exportDigest(json),
      row.workflowId,
      row.decidedBy,
      row.decision.decidedAt,
      row.announced,
    ],
  );
  return recorded(db, row.workflowId);
}

/** Makes a decision public, once: an announced decision keeps the instant it was first announced. */
export async function markAnnounced(db: Db, decisionId: string): Promise<void> {
  await db.query(`UPDATE plenary_decisions SET announced_at = now() WHERE id = $1 AND announced_at IS NULL`, [
    decisionId,
  ]);
}

/** Whether the workflow has recorded its decision already (a retried activity writes nothing twice). */
export async function isDecisionRecorded(db: Db, workflowId: string): Promise<boolean> {
  const [done] = await db.query<{ decision_number: string }[]>(
    `SELECT decision_number FROM plenary_decisions WHERE workflow_id = $1`,
    [workflowId],
  );
  return done !== undefined;
}

/** The workflows that recorded the cycle's corrections (every decision after the first), in order. */
export async function correctionWorkflowIds(db: Db, cycleId: string): Promise<string[]> {
  const rows = await db.query<{ workflow_id: string }[]>(
    `SELECT workflow_id FROM plenary_decisions WHERE cycle_id = $1 AND sequence > 1 ORDER BY sequence`,
    [cycleId],
  );
  return rows.map((row) => row.workflow_id);
}

/** What the workflow keeps of a decision: as stored (a retry returns the first attempt's row). */
export async function recorded(db: Db, workflowId: string): Promise<RecordedDecision> {
  const [row] = await db.query<{ decision_number: string; sequence: number; json_sha256: string; decided_at: Date }[]>(
    `SELECT decision_number, sequence, json_sha256, decided_at FROM plenary_decisions WHERE workflow_id = $1`,
    [workflowId],
  );
  return {
    decisionNumber: row.decision_number,
    sequence: row.sequence,
    sha256: row.json_sha256,
    decidedAt: row.decided_at.toISOString(),
  };
}

/**
 * The decision that would correct the one in force, or the refusal a person can act on: only an announced
 * decision is corrected, only the one in force, and only with moves `correctDecision` accepts. The API checks
 * with it before starting a correction; the activity again under the row's lock.
 */
export async function correctionOf(
  db: Db,
  cycleId: string,
  request: { supersedes: string; reason: string; moves: CorrectionMove[]; decidedAt: string },
  options: { lock?: boolean } = {},
): Promise<{ latest: StoredDecision; decision: PlenaryDecision }> {
  const latest = await latestDecision(db, cycleId, options);
  if (!latest?.announcedAt) {
    throw new DomainError(
      ErrorCode.ResultsNotAnnounced,
      'Only an announced decision is corrected; before the announcement the plenary decides.',
    );
  }
  if (latest.decisionNumber !== request.supersedes) {
    throw new DomainError(
      ErrorCode.DecisionSuperseded,
      `Decision ${request.supersedes} is not the one in force: ${latest.decisionNumber} is. Correct that one.`,
      [{ path: 'supersedes', message: `must be ${latest.decisionNumber}` }],
    );
  }
  const { decision, problems } = correctDecision(latest.decision, latest.sequence + 1, request);
  if (problems.length > 0) {
    throw new DomainError(
      ErrorCode.CorrectionInvalid,
      `The correction cannot be made: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  return { latest, decision };
}
