import type { Db } from '../shared/db';

export type MissingScorePolicy = 'extend' | 'reassign' | 'rank-with-available';

/** A row of `desk_missing_scores`: what was done about a score missing at a desk stage's deadline. */
export interface DeskMissingScoreRow {
  cycle_id: string;
  stage_key: string;
  entry_id: string;
  user_id: string;
  policy: MissingScorePolicy;
  replacement_user_id: string | null;
  due_at: Date | null;
  note: string;
  decided_at: Date;
}

/** A decision on a score missing at the deadline (a row of `desk_missing_scores` before it is written). */
export interface MissingScoreDecision {
  entryId: string;
  userId: string;
  policy: MissingScorePolicy;
  replacementUserId: string | null;
  dueAt: Date | null;
  note: string;
}

/** How many missing scores of a stage were decided, and the latest time given to score. */
export async function missingScoresDecided(
  db: Db,
  cycleId: string,
  stageKey: string,
): Promise<{ decided: number; until: Date | null }> {
  const [row] = await db.query<{ until: DeskMissingScoreRow['due_at']; n: number }[]>(
    `SELECT max(due_at) AS until, count(*)::int AS n FROM desk_missing_scores WHERE cycle_id = $1 AND stage_key = $2`,
    [cycleId, stageKey],
  );
  return { decided: row.n, until: row.until };
}

export async function recordMissingScoreDecision(
  tx: Db,
  cycleId: string,
  stageKey: string,
  decision: MissingScoreDecision,
): Promise<void> {
  await tx.query(
    `INSERT INTO desk_missing_scores (cycle_id, stage_key, entry_id, user_id, policy, replacement_user_id, due_at, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      cycleId,
      stageKey,
      decision.entryId,
      decision.userId,
      decision.policy,
      decision.replacementUserId,
      decision.dueAt,
      decision.note,
    ],
  );
}

export interface MissingScoreView {
  entryId: string;
  stageKey: string;
  evaluatorId: string;
  policy: MissingScorePolicy;
  replacementId: string | null;
  dueAt: Date | null;
  note: string;
  decidedAt: Date;
}

/** The cycle's decisions on missing scores, by entry and evaluator. */
export function missingScoresOf(db: Db, cycleId: string): Promise<MissingScoreView[]> {
  return db.query<MissingScoreView[]>(
    `SELECT m.entry_id AS "entryId", m.stage_key AS "stageKey", m.user_id AS "evaluatorId", m.policy,
            m.replacement_user_id AS "replacementId", m.due_at AS "dueAt", m.note, m.decided_at AS "decidedAt"
       FROM desk_missing_scores m WHERE m.cycle_id = $1 ORDER BY m.entry_id, m.user_id`,
    [cycleId],
  );
}
