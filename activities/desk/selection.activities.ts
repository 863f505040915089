import type { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../../libs/domain';
import type { EntityManager } from 'typeorm';
import { CycleEntity, CycleStageEntity, ObjectionEntity, SelectionEntity } from '../../libs/persistence';
import type { ResolveObjectionRequest } from '../../workflows/cycle.messages';
import { refusingAsFailure } from '../business-failure';
import { latestSelection, selectedIn, selectionStageFor, writeSelection } from './selection-writer';

/**
 * What a selection changed on the list compared with the version before it: who entered, and who left besides
 * the entry objected to (a recomputed 3T share can displace another).
 */
async function changesWith(tx: EntityManager, selection: SelectionEntity, objectedEntryId: string) {
  const before = await tx.getRepository(SelectionEntity).findOneBy({
    cycleId: selection.cycleId,
    stageKey: selection.stageKey,
    version: selection.version - 1,
  });
  const previous = before ? await selectedIn(tx, before.id) : new Set<string>();
  const now = await selectedIn(tx, selection.id);
  return {
    entered: [...now].filter((id) => !previous.has(id)).sort(),
    left: [...previous].filter((id) => !now.has(id) && id !== objectedEntryId).sort(),
  };
}

async function hasDeskResults(tx: EntityManager, cycleId: string): Promise<boolean> {
  const [{ any }] = await tx.query<{ any: boolean }[]>(
    'SELECT EXISTS (SELECT 1 FROM desk_results WHERE cycle_id = $1) AS any',
    [cycleId],
  );
  return any;
}

const upheldReason = (objectionId: string, reason: string) => `Objection ${objectionId} upheld: ${reason}`;

/** Selection (the ranked nominee list) and uji publik (objections to it), as the cycle workflow runs them. */
export function createSelectionActivities(dataSource: DataSource) {
  return {
    /**
     * The first selection, when the selection stage opens; a retry finds it written. A cycle in which nobody
     * scored (no evaluators were added) gets none: its entries go on as before rather than all being dropped.
     */
    async selectNomineesForStage(input: { cycleId: string; stageKey: string }) {
      return dataSource.transaction(async (tx) => {
        const existing = await latestSelection(tx, input.cycleId, input.stageKey);
        if (!existing && !(await hasDeskResults(tx, input.cycleId))) return { version: 0, nominees: 0 };
        const selection =
          existing ??
          (await writeSelection(tx, input.cycleId, input.stageKey, 'Ranked from the desk results.', 'engine'));
        return { version: selection.version, nominees: (await selectedIn(tx, selection.id)).size };
      });
    },

    /**
     * An admin's resolution of one objection. Upheld: a new selection without the entry, so the next in rank
     * enters; the entries that entered are returned for their agencies to be told. A retry of the same
     * resolution answers as the first did.
     */
    async resolveObjection(input: ResolveObjectionRequest & { cycleId: string }) {
      return refusingAsFailure(() =>
        dataSource.transaction(async (tx) => {
          const objection = await tx.getRepository(ObjectionEntity).findOne({
            where: { id: input.objectionId, cycleId: input.cycleId },
            lock: { mode: 'pessimistic_write' },
          });
          if (!objection)
            throw new DomainError(
              ErrorCode.ObjectionNotFound,
              `No objection ${input.objectionId} in ${input.cycleId}.`,
            );
          // The stage's close takes this row exclusively, so a resolution either lands before it or is refused.
          const stage = await tx.getRepository(CycleStageEntity).findOne({
            where: { cycleId: input.cycleId, key: input.stageKey },
            lock: { mode: 'pessimistic_read' },
          });
          if (stage?.status !== 'open') {
            throw new DomainError(ErrorCode.StageNotOpen, 'The objection window has closed; the list is final.');
          }
          if (objection.status !== 'open') {
            if (objection.status === input.decision && objection.resolvedBy === input.requestedBy) {
              const written = await tx.getRepository(SelectionEntity).findOneBy({
                cycleId: input.cycleId,
                reason: upheldReason(objection.id, objection.resolutionReason ?? ''),
              });
              const changes = written ? await changesWith(tx, written, objection.entryId) : { entered: [], left: [] };
              return { objectionId: objection.id, decision: input.decision, ...changes };
            }
            throw new DomainError(ErrorCode.ObjectionResolved, `The objection was already ${objection.status}.`);
          }
          await tx.getRepository(ObjectionEntity).update(
            { id: objection.id },
            {
              status: input.decision,
              resolutionReason: input.reason,
              resolvedBy: input.requestedBy,
              resolvedAt: new Date(),
            },
          );
          let changes = { entered: [] as string[], left: [] as string[] };
          if (input.decision === 'upheld') {
            const cycle = await tx.getRepository(CycleEntity).findOneByOrFail({ id: input.cycleId });
            const stageKey = selectionStageFor(cycle.resolvedTemplate, input.stageKey)!;
            const next = await writeSelection(
              tx,
              input.cycleId,
              stageKey,
              upheldReason(objection.id, input.reason),
              input.requestedBy,
            );
            changes = await changesWith(tx, next, objection.entryId);
          }
          return { objectionId: objection.id, decision: input.decision, ...changes };
        }),
      );
    },

    /** At the window's close, objections nobody decided are recorded as such; returns them, for their objectors. */
    async lapseOpenObjections(input: { cycleId: string }): Promise<{ objectionIds: string[] }> {
      await dataSource.query(
        `UPDATE objections SET status = 'unresolved', resolved_at = now(),
                resolution_reason = 'The objection window closed before an admin decided.'
          WHERE cycle_id = $1 AND status = 'open'`,
        [input.cycleId],
      );
      const rows = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM objections WHERE cycle_id = $1 AND status = 'unresolved' ORDER BY filed_at`,
        [input.cycleId],
      );
      return { objectionIds: rows.map((row) => row.id) };
    },
  };
}

export type SelectionActivities = ReturnType<typeof createSelectionActivities>;
