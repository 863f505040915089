import type { Client } from '@temporalio/client';
import type { DataSource, EntityManager } from 'typeorm';
import { assignEvaluators, entryWorkflowId } from '../../libs/domain';
import { DeskAssignmentEntity } from '../../libs/persistence';
import { deskEvaluatorsSignal } from '../../workflows/entry.messages';
import { activeEvaluators, assignableEntries, assignableEvaluators, deskStage } from './desk-data';

export interface DeskStageDeps {
  dataSource: DataSource;
  client: Client;
}

/** `assigned_by` of the assignment made when the stage opened, which `recomputeOpeningAssignment` can re-derive. */
export const AT_OPENING = 'engine';

/** Changes to a stage's assignments (engine or admin or evaluator) happen one at a time. */
export async function lockAssignments(tx: EntityManager, cycleId: string, stageKey: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`desk-assign|${cycleId}|${stageKey}`]);
}

/** An assignment row and the matching read access (evaluators read only the entries given to them). */
export async function insertAssignments(db: EntityManager, rows: Partial<DeskAssignmentEntity>[]): Promise<void> {
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

/**
 * The assignment the stage's opening made, derived again from the same inputs: the entries it placed, the
 * evaluators added and the conflicts declared by the time the stage opened. Equal to what is recorded unless
 * something changed that the recorded assignment did not see (an evaluator's affiliations edited since).
 */
export async function recomputeOpeningAssignment(db: EntityManager, cycleId: string, stageKey: string) {
  const recorded = await db.query<{ entry_id: string; user_id: string; assigned_at: Date }[]>(
    `SELECT entry_id, user_id, assigned_at FROM desk_assignments WHERE cycle_id = $1 AND stage_key = $2 AND assigned_by = $3`,
    [cycleId, stageKey, AT_OPENING],
  );
  // The assignment's own transaction time: what it could see.
  const assignedAt = recorded[0]?.assigned_at ?? new Date();
  const entryIds = [...new Set(recorded.map((row) => row.entry_id))];
  const entries = await assignableEntries(db, cycleId, entryIds);
  const evaluators = (await assignableEvaluators(db, cycleId, assignedAt)).filter(
    (evaluator) => evaluator.addedAt <= assignedAt,
  );
  const { params } = await deskStage(db, cycleId, stageKey);
  const plan = assignEvaluators(entries, evaluators, params.evaluatorsPerEntry, {
    sameProvince: params.conflictSameProvince,
  });
  return {
    recorded: recorded.map((row) => `${row.entry_id}|${row.user_id}`).sort(),
    recomputed: plan.assignments.map((assignment) => `${assignment.entryId}|${assignment.evaluatorId}`).sort(),
  };
}

/** Ends an assignment with its reason; the evaluator keeps no read access to the entry. */
export async function endAssignment(
  tx: EntityManager,
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

/** Tells an entry's workflow who its evaluators are now (after a reassignment), read after the change committed. */
export async function signalEvaluators(deps: DeskStageDeps, cycleId: string, entryId: string, stageKey: string) {
  const { evaluatorIds, version } = await activeEvaluators(deps.dataSource.manager, entryId, stageKey);
  await deps.client.workflow
    .getHandle(entryWorkflowId(cycleId, entryId))
    .signal(deskEvaluatorsSignal, { stageKey, evaluatorIds, version });
}
