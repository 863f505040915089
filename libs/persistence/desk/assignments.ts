import type { AssignableEntry, AssignableEvaluator } from '../../domain';
import { DeskAssignmentEntity } from '../entities';
import type { Db } from '../shared/db';
import { advisoryLock, LockNamespace } from '../shared/locks';

/** `assigned_by` of the assignment made when the stage opened, which the opening assignment can be derived again from. */
export const ASSIGNED_AT_OPENING = 'engine';
/** `assigned_by` of an assignment replacing an evaluator without a score at the deadline. */
export const ASSIGNED_AT_DEADLINE = 'engine:missing-score';

/** Changes to a stage's assignments (engine or admin or evaluator) happen one at a time. */
export function lockAssignments(tx: Db, cycleId: string, stageKey: string): Promise<void> {
  return advisoryLock(tx, LockNamespace.DeskAssignment, `${cycleId}|${stageKey}`);
}

/**
 * Entries as assignment sees them: agency, its province, the agency of a replicated original. The cycle's active
 * entries, or the ones named (whatever their status now).
 */
export async function assignableEntries(db: Db, cycleId: string, entryIds?: string[]): Promise<AssignableEntry[]> {
  const rows = await db.query<{ id: string; agency_code: string; province: string; original_agency: string | null }[]>(
    `SELECT e.id, e.agency_code, a.province, o.agency_code AS original_agency
       FROM entries e JOIN agencies a ON a.code = e.agency_code
       LEFT JOIN entries o ON o.id = e.replicates_entry_id
      WHERE e.cycle_id = $1 AND ($2::uuid[] IS NULL AND e.status = 'active' OR e.id = ANY($2))
      ORDER BY e.id`,
    [cycleId, entryIds ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    agencyCode: row.agency_code,
    province: row.province,
    replicatesAgencyCode: row.original_agency,
  }));
}

/**
 * The cycle's evaluators with their declared affiliations and the conflicts they declared (up to `asOf`, when
 * given: what an assignment made then could see).
 */
export async function assignableEvaluators(
  db: Db,
  cycleId: string,
  asOf?: Date,
): Promise<(AssignableEvaluator & { addedAt: Date })[]> {
  const rows = await db.query<
    {
      user_id: string;
      name: string;
      affiliations: string[];
      province: string | null;
      conflicts: string[];
      added_at: Date;
    }[]
  >(
    `SELECT ce.user_id, u.display_name AS name, ce.affiliations, ce.province, ce.added_at,
            coalesce(array_agg(c.entry_id::text) FILTER (WHERE c.entry_id IS NOT NULL), '{}') AS conflicts
       FROM cycle_evaluators ce JOIN users u ON u.id = ce.user_id
       LEFT JOIN evaluator_conflicts c ON c.user_id = ce.user_id AND c.cycle_id = ce.cycle_id
        AND ($2::timestamptz IS NULL OR c.declared_at <= $2)
      WHERE ce.cycle_id = $1
      GROUP BY ce.user_id, u.display_name, ce.affiliations, ce.province, ce.added_at
      ORDER BY ce.user_id`,
    [cycleId, asOf ?? null],
  );
  return rows.map((row) => ({
    addedAt: new Date(row.added_at),
    id: row.user_id,
    name: row.name,
    affiliations: row.affiliations,
    province: row.province,
    declaredConflictEntryIds: row.conflicts,
  }));
}

/** Current loads of a stage's evaluators: active assignments each, by user id. */
export async function evaluatorLoads(db: Db, cycleId: string, stageKey: string): Promise<Record<string, number>> {
  const rows = await db.query<{ user_id: string; load: number }[]>(
    `SELECT ce.user_id, count(d.id)::int AS load FROM cycle_evaluators ce
       LEFT JOIN desk_assignments d ON d.user_id = ce.user_id AND d.cycle_id = ce.cycle_id
        AND d.stage_key = $2 AND d.ended_at IS NULL
      WHERE ce.cycle_id = $1 GROUP BY ce.user_id`,
    [cycleId, stageKey],
  );
  return Object.fromEntries(rows.map((row) => [row.user_id, row.load]));
}

/**
 * An evaluator's assignment to an entry in a stage while it lasts (the latest row, not ended), or null. `lock`
 * holds the row against a concurrent change until the transaction ends.
 */
export async function currentAssignment(
  db: Db,
  where: { entryId: string; stageKey: string; userId: string },
  lock = false,
): Promise<DeskAssignmentEntity | null> {
  const assignment = await db.getRepository(DeskAssignmentEntity).findOne({
    where,
    order: { id: 'DESC' },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  return assignment && !assignment.endedAt ? assignment : null;
}

/**
 * The evaluators an entry has now in a stage, in a stable order, and a version that grows with every change (the
 * latest assignment row's id), so an entry workflow can ignore a list older than one it already has.
 */
export async function activeEvaluators(
  db: Db,
  entryId: string,
  stageKey: string,
): Promise<{ evaluatorIds: string[]; version: number }> {
  const rows = await db.query<{ user_id: string; ended_at: Date | null; id: string }[]>(
    `SELECT user_id, ended_at, id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2 ORDER BY user_id`,
    [entryId, stageKey],
  );
  return {
    evaluatorIds: rows.filter((row) => row.ended_at === null).map((row) => row.user_id),
    version: Math.max(0, ...rows.map((row) => Number(row.id))),
  };
}

/** Assignment rows and the matching read access (evaluators read only the entries given to them). */
export async function insertAssignments(db: Db, rows: Partial<DeskAssignmentEntity>[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    const batch = rows.slice(start, start + 1000);
    await db.createQueryBuilder().insert().into(DeskAssignmentEntity).values(batch).execute();
    await db.query(
      `INSERT INTO entry_assignments (entry_id, user_id, role)
       SELECT unnest($1::uuid[]), unnest($2::uuid[]), 'evaluator' ON CONFLICT DO NOTHING`,
      [batch.map((row) => row.entryId), batch.map((row) => row.userId)],
    );
  }
}

/** Ends an assignment with its reason; the evaluator keeps no read access to the entry. */
export async function endAssignment(
  tx: Db,
  assignment: { id: string; entryId: string; userId: string },
  reason: string,
): Promise<void> {
  await tx.query(`UPDATE desk_assignments SET ended_at = now(), ended_reason = $2 WHERE id = $1`, [
    assignment.id,
    reason,
  ]);
  await tx.query(
    `DELETE FROM entry_assignments ea WHERE ea.entry_id = $1 AND ea.user_id = $2 AND ea.role = 'evaluator'
       AND NOT EXISTS (SELECT 1 FROM desk_assignments d WHERE d.entry_id = $1 AND d.user_id = $2 AND d.ended_at IS NULL)`,
    [assignment.entryId, assignment.userId],
  );
}

/** Gives an assignment's evaluator until `dueAt` to score. */
export async function extendAssignment(tx: Db, assignmentId: string, dueAt: Date): Promise<void> {
  await tx.query(`UPDATE desk_assignments SET due_at = $2 WHERE id = $1`, [assignmentId, dueAt]);
}

/** How many assignments a stage has had (ended ones too). */
export async function assignmentCount(db: Db, cycleId: string, stageKey: string): Promise<number> {
  const [{ done }] = await db.query<{ done: number }[]>(
    `SELECT count(*)::int AS done FROM desk_assignments WHERE cycle_id = $1 AND stage_key = $2`,
    [cycleId, stageKey],
  );
  return done;
}

export interface RecordedAssignmentRow {
  entry_id: string;
  user_id: string;
  assigned_at: Date;
}

/** The assignments the stage's opening made. */
export function openingAssignments(db: Db, cycleId: string, stageKey: string): Promise<RecordedAssignmentRow[]> {
  return db.query<RecordedAssignmentRow[]>(
    `SELECT entry_id, user_id, assigned_at FROM desk_assignments WHERE cycle_id = $1 AND stage_key = $2 AND assigned_by = $3`,
    [cycleId, stageKey, ASSIGNED_AT_OPENING],
  );
}

export interface UnscoredAssignmentRow {
  id: string;
  entry_id: string;
  user_id: string;
}

/** Active assignments of active entries whose evaluator has not scored yet. */
export function unscoredAssignments(db: Db, cycleId: string, stageKey: string): Promise<UnscoredAssignmentRow[]> {
  return db.query<UnscoredAssignmentRow[]>(
    `SELECT d.id, d.entry_id, d.user_id FROM desk_assignments d
       JOIN entries e ON e.id = d.entry_id AND e.status = 'active'
      WHERE d.cycle_id = $1 AND d.stage_key = $2 AND d.ended_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM desk_scores s
                         WHERE s.entry_id = d.entry_id AND s.stage_key = d.stage_key AND s.user_id = d.user_id)
      ORDER BY d.entry_id, d.user_id`,
    [cycleId, stageKey],
  );
}

/** Everyone ever assigned the entry in the stage. */
export async function evaluatorsEverOnEntry(db: Db, entryId: string, stageKey: string): Promise<string[]> {
  const rows = await db.query<{ user_id: string }[]>(
    `SELECT DISTINCT user_id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2`,
    [entryId, stageKey],
  );
  return rows.map((row) => row.user_id);
}

/** The entry's current evaluators in the stage, and `alsoUserId` whether current or not. */
export async function evaluatorsOnEntry(
  db: Db,
  entryId: string,
  stageKey: string,
  alsoUserId: string,
): Promise<string[]> {
  const rows = await db.query<{ user_id: string }[]>(
    `SELECT DISTINCT user_id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2 AND (ended_at IS NULL OR user_id = $3)`,
    [entryId, stageKey, alsoUserId],
  );
  return rows.map((row) => row.user_id);
}

/** The latest time anyone active on the stage was given to score, or null when nobody was given extra time. */
export async function latestDueAt(db: Db, cycleId: string, stageKey: string): Promise<Date | null> {
  const [{ grace }] = await db.query<{ grace: Date | null }[]>(
    `SELECT max(due_at) AS grace FROM desk_assignments WHERE cycle_id = $1 AND stage_key = $2 AND ended_at IS NULL`,
    [cycleId, stageKey],
  );
  return grace;
}

/** The id of an evaluator's active assignment to an entry in a stage. */
export async function activeAssignmentId(db: Db, entryId: string, stageKey: string, userId: string): Promise<string> {
  const [{ id }] = await db.query<{ id: string }[]>(
    `SELECT id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2 AND user_id = $3 AND ended_at IS NULL`,
    [entryId, stageKey, userId],
  );
  return id;
}

/** Assignments made in a stage by the given `assigned_by`, in order. */
export function assignmentsMadeBy(
  db: Db,
  cycleId: string,
  stageKey: string,
  assignedBy: string,
): Promise<{ id: string; entry_id: string }[]> {
  return db.query<{ id: string; entry_id: string }[]>(
    `SELECT d.id, d.entry_id FROM desk_assignments d
      WHERE d.cycle_id = $1 AND d.stage_key = $2 AND d.assigned_by = $3 ORDER BY d.id`,
    [cycleId, stageKey, assignedBy],
  );
}

/** Every assignment of an entry, ended ones too, in the order they were made. */
export function assignmentsOfEntry(db: Db, entryId: string): Promise<DeskAssignmentEntity[]> {
  return db.getRepository(DeskAssignmentEntity).find({ where: { entryId }, order: { id: 'ASC' } });
}

export interface CycleAssignmentView {
  entryId: string;
  stageKey: string;
  evaluatorId: string;
  reason: string;
  assignedBy: string;
  assignedAt: Date;
  dueAt: Date | null;
  endedAt: Date | null;
  endedReason: string | null;
}

/** Every assignment of a cycle, by entry then in the order made. */
export function assignmentsOfCycle(db: Db, cycleId: string): Promise<CycleAssignmentView[]> {
  return db.query<CycleAssignmentView[]>(
    `SELECT d.entry_id AS "entryId", d.stage_key AS "stageKey", d.user_id AS "evaluatorId", d.reason,
            d.assigned_by AS "assignedBy", d.assigned_at AS "assignedAt", d.due_at AS "dueAt",
            d.ended_at AS "endedAt", d.ended_reason AS "endedReason"
       FROM desk_assignments d WHERE d.cycle_id = $1 ORDER BY d.entry_id, d.id`,
    [cycleId],
  );
}
