import type { EntityManager } from 'typeorm';
import {
  deskParams,
  type AssignableEntry,
  type AssignableEvaluator,
  type DeskParams,
  type ResolvedStage,
} from '../../libs/domain';
import { CycleEntity, DeskAssignmentEntity } from '../../libs/persistence';

/** A cycle's stage of the given key and its parameters read with the engine's defaults. */
export async function deskStage(
  db: EntityManager,
  cycleId: string,
  stageKey: string,
): Promise<{ cycle: CycleEntity; stage: ResolvedStage; params: DeskParams }> {
  const cycle = await db.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
  const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === stageKey);
  if (!stage) throw new Error(`cycle ${cycleId} has no stage ${stageKey}`);
  return { cycle, stage, params: deskParams(stage.params) };
}

/**
 * Entries as assignment sees them: agency, its province, the agency of a replicated original. The cycle's active
 * entries, or the ones named (whatever their status now).
 */
export async function assignableEntries(db: EntityManager, cycleId: string, entryIds?: string[]) {
  const rows = await db.query<{ id: string; agency_code: string; province: string; original_agency: string | null }[]>(
    `SELECT e.id, e.agency_code, a.province, o.agency_code AS original_agency
       FROM entries e JOIN agencies a ON a.code = e.agency_code
       LEFT JOIN entries o ON o.id = e.replicates_entry_id
      WHERE e.cycle_id = $1 AND ($2::uuid[] IS NULL AND e.status = 'active' OR e.id = ANY($2))
      ORDER BY e.id`,
    [cycleId, entryIds ?? null],
  );
  return rows.map((row): AssignableEntry => ({
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
  db: EntityManager,
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

/** Current loads of a stage's evaluators: active assignments each. */
export async function evaluatorLoads(db: EntityManager, cycleId: string, stageKey: string) {
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
  db: EntityManager,
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
export async function activeEvaluators(db: EntityManager, entryId: string, stageKey: string) {
  const rows = await db.query<{ user_id: string; ended_at: Date | null; id: string }[]>(
    `SELECT user_id, ended_at, id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2 ORDER BY user_id`,
    [entryId, stageKey],
  );
  return {
    evaluatorIds: rows.filter((row) => row.ended_at === null).map((row) => row.user_id),
    version: Math.max(0, ...rows.map((row) => Number(row.id))),
  };
}
