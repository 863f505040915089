import type { Db } from '../shared/db';
import { advisoryLock, LockNamespace } from '../shared/locks';

/** One saved version of a panelist's interview score sheet. */
export interface InterviewScoreVersionRow {
  entryId: string;
  stageKey: string;
  panelistId: string;
  version: number;
  weighted: number;
  submittedAt: Date;
}

const VERSION_COLUMNS = `entry_id AS "entryId", stage_key AS "stageKey", user_id AS "panelistId", version,
  weighted::float AS weighted, submitted_at AS "submittedAt"`;

/** The version an Update already saved, if it did. */
export async function interviewScoreOfUpdate(db: Db, updateId: string): Promise<InterviewScoreVersionRow | null> {
  const [row] = await db.query<InterviewScoreVersionRow[]>(
    `SELECT ${VERSION_COLUMNS} FROM interview_scores WHERE update_id = $1`,
    [updateId],
  );
  return row ?? null;
}

/** Saves the next version of the panelist's sheet for the entry (versions of one sheet are taken one at a time). */
export async function insertInterviewScoreVersion(
  tx: Db,
  sheet: {
    cycleId: string;
    stageKey: string;
    entryId: string;
    panelistId: string;
    scores: Record<string, number>;
    comment: string | null;
    weighted: number;
    updateId: string;
  },
): Promise<InterviewScoreVersionRow> {
  await advisoryLock(tx, LockNamespace.InterviewScore, `${sheet.entryId}|${sheet.panelistId}`);
  const [saved] = await tx.query<InterviewScoreVersionRow[]>(
    `INSERT INTO interview_scores (cycle_id, stage_key, entry_id, user_id, version, scores, comment, weighted, update_id)
     SELECT $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, $6, $7, $8
       FROM interview_scores WHERE entry_id = $3 AND stage_key = $2 AND user_id = $4
     RETURNING ${VERSION_COLUMNS}`,
    [
      sheet.cycleId,
      sheet.stageKey,
      sheet.entryId,
      sheet.panelistId,
      JSON.stringify(sheet.scores),
      sheet.comment,
      sheet.weighted,
      sheet.updateId,
    ],
  );
  return saved;
}

export interface InterviewScoreSheetRow {
  panelistId: string;
  version: number;
  scores: Record<string, number>;
  comment: string | null;
  weighted: number;
  submittedAt: Date;
}

/** Every version of the entry's interview score sheets (one panelist's only, when named). */
export function interviewScoresOf(
  db: Db,
  entryId: string,
  stageKey: string,
  panelistId: string | null,
): Promise<InterviewScoreSheetRow[]> {
  return db.query<InterviewScoreSheetRow[]>(
    `SELECT user_id AS "panelistId", version, scores, comment, weighted::float AS weighted, submitted_at AS "submittedAt"
       FROM interview_scores WHERE entry_id = $1 AND stage_key = $2 AND ($3::uuid IS NULL OR user_id = $3)
      ORDER BY user_id, version`,
    [entryId, stageKey, panelistId],
  );
}
