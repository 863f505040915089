import {
  deskStageBefore,
  DomainError,
  ErrorCode,
  selectionRulesOf,
  selectionStageFor,
  selectNominees,
  type SelectionCandidate,
} from '../../libs/domain';
import type { SelectionEntity, SelectionOutcomeEntity } from '../../libs/persistence';
import { hasDeskResults } from '../../libs/persistence/desk';
import {
  insertSelection,
  insertSelectionOutcomes,
  lapseOpenObjections,
  latestSelection,
  lockSelections,
  objectionOf,
  recordObjectionResolution,
  selectedIn,
  selectionCandidates,
  selectionVersion,
  selectionWithReason,
  upheldObjections,
} from '../../libs/persistence/selection';
import { inTransaction, lockStage, type Db } from '../../libs/persistence/shared';
import type { ResolveObjectionRequest } from '../../workflows/cycle.messages';
import { refusingAsFailure } from '../business-failure';
import { sendNotices, type NotifyDeps } from '../../libs/notify';
import { existingCycle } from '../../libs/persistence/cycles';

/**
 * Ranks the cycle's active entries by their desk results and writes the result as a new numbered selection,
 * with an explanation per entry. Entries without a desk score, and those an upheld objection removed, are out
 * with that reason. The caller holds the transaction; selections of one cycle are written one at a time.
 */
async function writeSelection(
  tx: Db,
  cycleId: string,
  stageKey: string,
  reason: string,
  createdBy: string,
): Promise<SelectionEntity> {
  await lockSelections(tx, cycleId, stageKey);
  const cycle = await existingCycle(tx, cycleId);
  const deskKey = deskStageBefore(cycle.resolvedTemplate, stageKey);
  const rows = await selectionCandidates(tx, cycleId, deskKey ?? '');
  const excluded = new Map<string, string>();
  for (const objection of await upheldObjections(tx, cycleId)) {
    excluded.set(objection.entry_id, `objection upheld: ${objection.resolution_reason}`);
  }
  const candidates = rows.map((row): SelectionCandidate => {
    if (row.score === null && !excluded.has(row.id)) excluded.set(row.id, 'no desk score was recorded for it');
    return {
      entryId: row.id,
      title: row.title,
      cluster: row.cluster,
      group: row.group_key,
      region3T: row.region_3t,
      score: row.score === null ? 0 : Number(row.score),
      launchDate: row.launch_date ?? '9999-12-31',
      registeredAt: new Date(row.created_at).toISOString(),
      replicationCount: row.replications,
    };
  });
  const rules = selectionRulesOf(cycle.resolvedTemplate, stageKey);
  const outcomes = selectNominees(candidates, rules, excluded);
  const previous = await latestSelection(tx, cycleId, stageKey);
  const selection = await insertSelection(tx, {
    cycleId,
    stageKey,
    version: (previous?.version ?? 0) + 1,
    reason,
    rules: { ...rules, deskStage: deskKey ?? null, excluded: Object.fromEntries(excluded) },
    createdBy,
  });
  await insertSelectionOutcomes(
    tx,
    outcomes.map((outcome): SelectionOutcomeEntity => ({
      selectionId: selection.id,
      entryId: outcome.entryId,
      overallRank: outcome.overallRank,
      rankInCell: outcome.rankInCell,
      score: outcome.score,
      selected: outcome.selected,
      via3T: outcome.via3TShare,
      explanation: outcome.explanation,
    })),
  );
  return selection;
}

/**
 * What a selection changed on the list compared with the version before it: who entered, and who left besides
 * the entry objected to (a recomputed 3T share can displace another).
 */
async function changesWith(tx: Db, selection: SelectionEntity, objectedEntryId: string) {
  const before = await selectionVersion(tx, selection.cycleId, selection.stageKey, selection.version - 1);
  const previous = before ? await selectedIn(tx, before.id) : new Set<string>();
  const now = await selectedIn(tx, selection.id);
  return {
    entered: [...now].filter((id) => !previous.has(id)).sort(),
    left: [...previous].filter((id) => !now.has(id) && id !== objectedEntryId).sort(),
  };
}

const upheldReason = (objectionId: string, reason: string) => `Objection ${objectionId} upheld: ${reason}`;

/** Selection (the ranked nominee list) and uji publik (objections to it), as the cycle workflow runs them. */
export function createSelectionActivities(db: Db, notifyDeps: NotifyDeps) {
  return {
    /**
     * The first selection, when the selection stage opens; a retry finds it written. A cycle in which nobody
     * scored (no evaluators were added) gets none: its entries go on as before rather than all being dropped.
     */
    async selectNomineesForStage(input: { cycleId: string; stageKey: string }) {
      return inTransaction(db, async (tx) => {
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
        inTransaction(db, async (tx) => {
          const objection = await objectionOf(tx, input.cycleId, input.objectionId, true);
          if (!objection)
            throw new DomainError(
              ErrorCode.ObjectionNotFound,
              `No objection ${input.objectionId} in ${input.cycleId}.`,
            );
          // The stage's close takes this row exclusively, so a resolution either lands before it or is refused.
          const stage = await lockStage(tx, input.cycleId, input.stageKey, 'share');
          if (stage?.status !== 'open') {
            throw new DomainError(ErrorCode.StageNotOpen, 'The objection window has closed; the list is final.');
          }
          if (objection.status !== 'open') {
            if (objection.status === input.decision && objection.resolvedBy === input.requestedBy) {
              const written = await selectionWithReason(
                tx,
                input.cycleId,
                upheldReason(objection.id, objection.resolutionReason ?? ''),
              );
              const changes = written ? await changesWith(tx, written, objection.entryId) : { entered: [], left: [] };
              return { objectionId: objection.id, decision: input.decision, ...changes };
            }
            throw new DomainError(ErrorCode.ObjectionResolved, `The objection was already ${objection.status}.`);
          }
          await recordObjectionResolution(tx, objection.id, {
            status: input.decision,
            resolutionReason: input.reason,
            resolvedBy: input.requestedBy,
            resolvedAt: new Date(),
          });
          let changes = { entered: [] as string[], left: [] as string[] };
          if (input.decision === 'upheld') {
            const cycle = await existingCycle(tx, input.cycleId);
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
    /**
     * Records the objections still open at the close as unresolved and tells their objectors, reading them from
     * the database: however many there are, none of their ids pass through the cycle's history. Returns no ids,
     * so the cycle does not tell them again (a cycle of an older release told them itself, from the ids).
     */
    async lapseOpenObjections(input: { cycleId: string }): Promise<{ objectionIds: string[]; lapsed: number }> {
      await lapseOpenObjections(db, input.cycleId);
      const { notices } = await sendNotices(notifyDeps, { kind: 'objections-unresolved', cycleId: input.cycleId });
      return { objectionIds: [], lapsed: notices };
    },
  };
}

export type SelectionActivities = ReturnType<typeof createSelectionActivities>;
