import { DeskResultEntity, DeskScoreEntity } from '../entities';
import type { Db } from '../shared/db';
import { advisoryLock, LockNamespace } from '../shared/locks';

/** Versions of one evaluator's sheet for an entry are numbered one at a time. */
export function lockScoreSheet(tx: Db, entryId: string, evaluatorId: string): Promise<void> {
  return advisoryLock(tx, LockNamespace.DeskScore, `${entryId}|${evaluatorId}`);
}

/** The score recorded by an entry workflow's Update, if it was recorded already. */
export function deskScoreOfUpdate(db: Db, updateId: string): Promise<DeskScoreEntity | null> {
  return db.getRepository(DeskScoreEntity).findOneBy({ updateId });
}

/** The latest version of an evaluator's sheet for an entry in a stage, 0 before the first. */
export async function lastScoreVersion(db: Db, entryId: string, stageKey: string, userId: string): Promise<number> {
  const [{ last }] = await db.query<{ last: number }[]>(
    `SELECT coalesce(max(version), 0)::int AS last FROM desk_scores
      WHERE entry_id = $1 AND stage_key = $2 AND user_id = $3`,
    [entryId, stageKey, userId],
  );
  return last;
}

export function insertDeskScore(tx: Db, score: Omit<DeskScoreEntity, 'id'>): Promise<DeskScoreEntity> {
  return tx.getRepository(DeskScoreEntity).save(score);
}

/** Every version of every sheet of an entry (of one evaluator, when given), by stage, evaluator and version. */
export function deskScoresOfEntry(db: Db, entryId: string, userId?: string): Promise<DeskScoreEntity[]> {
  return db.getRepository(DeskScoreEntity).find({
    where: { entryId, ...(userId ? { userId } : {}) },
    order: { stageKey: 'ASC', userId: 'ASC', version: 'ASC' },
  });
}

export interface LatestScoreRow {
  entry_id: string;
  user_id: string;
  weighted: string;
}

/** The latest score of each current evaluator of each active entry in a stage. */
export function latestScoresOfCurrentEvaluators(db: Db, cycleId: string, stageKey: string): Promise<LatestScoreRow[]> {
  return db.query<LatestScoreRow[]>(
    `SELECT DISTINCT ON (s.entry_id, s.user_id) s.entry_id, s.user_id, s.weighted
       FROM desk_scores s
       JOIN desk_assignments d ON d.entry_id = s.entry_id AND d.stage_key = s.stage_key
        AND d.user_id = s.user_id AND d.ended_at IS NULL
       JOIN entries e ON e.id = s.entry_id AND e.status = 'active'
      WHERE s.cycle_id = $1 AND s.stage_key = $2
      ORDER BY s.entry_id, s.user_id, s.version DESC`,
    [cycleId, stageKey],
  );
}

/** Writes (or rewrites) the desk results of a stage, keyed by entry. */
export async function saveDeskResults(db: Db, results: Omit<DeskResultEntity, never>[]): Promise<void> {
  const repository = db.getRepository(DeskResultEntity);
  for (let start = 0; start < results.length; start += 1000) {
    await repository.upsert(results.slice(start, start + 1000), ['cycleId', 'stageKey', 'entryId']);
  }
}

/** Whether any desk result was computed in the cycle. */
export async function hasDeskResults(db: Db, cycleId: string): Promise<boolean> {
  const [{ any }] = await db.query<{ any: boolean }[]>(
    'SELECT EXISTS (SELECT 1 FROM desk_results WHERE cycle_id = $1) AS any',
    [cycleId],
  );
  return any;
}

export interface DeskResultView {
  entryId: string;
  title: string;
  cluster: string;
  group: string;
  score: number;
  spread: number;
  disagreement: boolean;
  evaluators: unknown;
  normalisation: string;
}

/** The cycle's desk results with their entries, best first. */
export function deskResultsOf(db: Db, cycleId: string): Promise<DeskResultView[]> {
  return db.query<DeskResultView[]>(
    `SELECT r.entry_id AS "entryId", e.title, e.cluster, e.group_key AS "group", r.score::float8 AS score,
            r.spread::float8 AS spread, r.disagreement, r.evaluators, r.normalisation
       FROM desk_results r JOIN entries e ON e.id = r.entry_id
      WHERE r.cycle_id = $1 ORDER BY r.score DESC, r.entry_id`,
    [cycleId],
  );
}
