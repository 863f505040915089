import type { Db } from '../shared/db';

/** A row of `desk_reminders`: an evaluator reminded at an offset before a desk stage's deadline. */
export interface DeskReminderRow {
  cycle_id: string;
  stage_key: string;
  hours_before: string;
  user_id: string;
  sent_at: Date;
}

/**
 * Marks who is reminded at this offset: evaluators with an active entry still unscored, each once per offset.
 * Returns how many were marked now.
 */
export async function recordDeskReminders(
  db: Db,
  cycleId: string,
  stageKey: string,
  hoursBefore: number,
): Promise<number> {
  const rows = await db.query<Pick<DeskReminderRow, 'user_id'>[]>(
    `INSERT INTO desk_reminders (cycle_id, stage_key, hours_before, user_id)
     SELECT DISTINCT d.cycle_id, d.stage_key, $3::numeric, d.user_id
       FROM desk_assignments d JOIN entries e ON e.id = d.entry_id AND e.status = 'active'
      WHERE d.cycle_id = $1 AND d.stage_key = $2 AND d.ended_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM desk_scores s
                         WHERE s.entry_id = d.entry_id AND s.stage_key = d.stage_key AND s.user_id = d.user_id)
     ON CONFLICT DO NOTHING RETURNING user_id`,
    [cycleId, stageKey, hoursBefore],
  );
  return rows.length;
}

/** Who was marked for a reminder at this offset. */
export async function remindedEvaluators(
  db: Db,
  cycleId: string,
  stageKey: string,
  hoursBefore: number,
): Promise<Set<string>> {
  const rows = await db.query<Pick<DeskReminderRow, 'user_id'>[]>(
    `SELECT user_id FROM desk_reminders WHERE cycle_id = $1 AND stage_key = $2 AND hours_before = $3`,
    [cycleId, stageKey, hoursBefore],
  );
  return new Set(rows.map((row) => row.user_id));
}
