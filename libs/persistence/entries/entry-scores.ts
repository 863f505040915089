import type { Db } from '../shared/db';

/** One scorer's latest sheet of an entry in a scored stage: the values only, never who scored or their comment. */
export interface LatestScoreSheetRow {
  stageKey: string;
  /** Criterion key to the value given, on the criterion's scale. */
  scores: Record<string, number>;
  /** 0–100, weighted as the rubric says. */
  weighted: number;
}

/**
 * The latest version of each sheet of the entry, per stage: in desk evaluation those of its current evaluators (the
 * sheets its desk result counts), in an interview those of every panelist who scored it (as the plenary counts them).
 */
export function latestScoreSheetsOfEntry(db: Db, entryId: string): Promise<LatestScoreSheetRow[]> {
  return db.query<LatestScoreSheetRow[]>(
    `SELECT "stageKey", scores, weighted::float8 AS weighted FROM (
       SELECT DISTINCT ON (s.stage_key, s.user_id) s.stage_key AS "stageKey", s.scores, s.weighted
         FROM desk_scores s
         JOIN desk_assignments d ON d.entry_id = s.entry_id AND d.stage_key = s.stage_key
          AND d.user_id = s.user_id AND d.ended_at IS NULL
        WHERE s.entry_id = $1
        ORDER BY s.stage_key, s.user_id, s.version DESC) desk
     UNION ALL
     SELECT "stageKey", scores, weighted::float8 AS weighted FROM (
       SELECT DISTINCT ON (s.stage_key, s.user_id) s.stage_key AS "stageKey", s.scores, s.weighted
         FROM interview_scores s
        WHERE s.entry_id = $1
        ORDER BY s.stage_key, s.user_id, s.version DESC) interview`,
    [entryId],
  );
}
