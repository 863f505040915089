import type { Language, Zone } from '../../domain';
import { CycleEvaluatorEntity } from '../entities';
import type { Db } from '../shared/db';

/** A row of `evaluator_conflicts`: an evaluator's declared conflict of interest with an entry. */
export interface EvaluatorConflictRow {
  entry_id: string;
  user_id: string;
  cycle_id: string;
  reason: string;
  declared_at: Date;
}

export interface CycleEvaluatorView {
  userId: string;
  email: string;
  name: string;
  affiliations: string[];
  province: string | null;
  zone: string;
  language: string;
  addedAt: Date;
  /** Entries currently assigned to them in the cycle. */
  load: number;
}

/** A cycle's evaluators (or the ones named) as admins and auditors read them, with their current loads. */
export function cycleEvaluators(db: Db, cycleId: string, only?: string[]): Promise<CycleEvaluatorView[]> {
  return db.query<CycleEvaluatorView[]>(
    `SELECT ce.user_id AS "userId", u.email, u.display_name AS "name", ce.affiliations, ce.province, ce.zone,
            ce.language, ce.added_at AS "addedAt",
            (SELECT count(*)::int FROM desk_assignments d
              WHERE d.cycle_id = ce.cycle_id AND d.user_id = ce.user_id AND d.ended_at IS NULL) AS "load"
       FROM cycle_evaluators ce JOIN users u ON u.id = ce.user_id
      WHERE ce.cycle_id = $1 AND ($2::uuid[] IS NULL OR ce.user_id = ANY($2))
      ORDER BY u.email`,
    [cycleId, only ?? null],
  );
}

/** The cycle's evaluator rows as declared. */
export function cycleEvaluatorRows(db: Db, cycleId: string): Promise<CycleEvaluatorEntity[]> {
  return db.getRepository(CycleEvaluatorEntity).findBy({ cycleId });
}

/** Adds evaluators to a cycle, or updates the declaration of those already in it. */
export async function saveCycleEvaluators(db: Db, rows: Omit<CycleEvaluatorEntity, 'addedAt'>[]): Promise<void> {
  await db.getRepository(CycleEvaluatorEntity).upsert(rows, ['cycleId', 'userId']);
}

/** Records an evaluator's declared conflict with an entry (once). */
export async function recordConflict(
  tx: Db,
  conflict: Pick<EvaluatorConflictRow, 'entry_id' | 'user_id' | 'cycle_id' | 'reason'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO evaluator_conflicts (entry_id, user_id, cycle_id, reason) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING`,
    [conflict.entry_id, conflict.user_id, conflict.cycle_id, conflict.reason],
  );
}

export interface EvaluatorRecipientRow {
  user_id: string;
  email: string;
  language: Language;
  zone: Zone;
  affiliations: string[];
  entries: number;
}

/** The cycle's evaluators as recipients, with how many active entries each has in the stage (unscored only, when asked). */
export function evaluatorRecipients(
  db: Db,
  cycleId: string,
  stageKey: string | null,
  unscoredOnly = false,
): Promise<EvaluatorRecipientRow[]> {
  return db.query<EvaluatorRecipientRow[]>(
    `SELECT ce.user_id, u.email, ce.language, ce.zone, ce.affiliations,
            (SELECT count(*)::int FROM desk_assignments d JOIN entries e ON e.id = d.entry_id AND e.status = 'active'
              WHERE d.cycle_id = ce.cycle_id AND d.stage_key = $2 AND d.user_id = ce.user_id AND d.ended_at IS NULL
                AND (NOT $3 OR NOT EXISTS (SELECT 1 FROM desk_scores s WHERE s.entry_id = d.entry_id
                                              AND s.stage_key = d.stage_key AND s.user_id = d.user_id))) AS entries
       FROM cycle_evaluators ce JOIN users u ON u.id = ce.user_id
      WHERE ce.cycle_id = $1 ORDER BY ce.user_id`,
    [cycleId, stageKey, unscoredOnly],
  );
}

export interface ReassignedRecipientRow extends Omit<EvaluatorRecipientRow, 'affiliations' | 'entries'> {
  assignment_id: string;
  title: string;
  due_at: Date | null;
  closes_at: Date;
}

/** The evaluators given these assignments, with the entry's title and until when they may score. */
export function reassignedRecipients(db: Db, assignmentIds: string[]): Promise<ReassignedRecipientRow[]> {
  return db.query<ReassignedRecipientRow[]>(
    `SELECT d.id AS assignment_id, d.user_id, u.email, ce.language, ce.zone, e.title, d.due_at, s.closes_at
       FROM desk_assignments d JOIN users u ON u.id = d.user_id JOIN entries e ON e.id = d.entry_id
       JOIN cycle_evaluators ce ON ce.cycle_id = d.cycle_id AND ce.user_id = d.user_id
       JOIN cycle_stages s ON s.cycle_id = d.cycle_id AND s.key = d.stage_key
      WHERE d.id = ANY($1::bigint[]) ORDER BY d.id`,
    [assignmentIds],
  );
}
