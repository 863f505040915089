import { DomainError, ErrorCode, formatInZone, rubricOfGroup, weightedScore } from '../../libs/domain';
import type { DeskScoreEntity } from '../../libs/persistence';
import {
  activeEvaluators,
  currentAssignment,
  deskScoreOfUpdate,
  deskStage,
  insertDeskScore,
  lastScoreVersion,
  lockScoreSheet,
} from '../../libs/persistence/desk';
import { inTransaction, lockStage, type Db, databaseNow } from '../../libs/persistence/shared';
import type { DeskScoreReceipt, DeskScoring, SubmitDeskScoreRequest } from '../../workflows/entry.messages';
import { refusingAsFailure } from '../business-failure';
import { existingEntry } from '../../libs/persistence/entries';

/** The entry workflow's side of desk scoring: what it needs to validate, and the recorded score versions. */
export function createDeskEntryActivities(db: Db) {
  const rubricOf = async (entryId: string, stageKey: string) => {
    const entry = await existingEntry(db, entryId);
    const { cycle, params } = await deskStage(db, entry.cycleId, stageKey);
    return { entry, params, criteria: rubricOfGroup(cycle.resolvedTemplate, entry.groupKey).criteria };
  };

  return {
    async loadDeskScoring(input: { entryId: string; stageKey: string }): Promise<DeskScoring> {
      const { params, criteria } = await rubricOf(input.entryId, input.stageKey);
      return {
        stageKey: input.stageKey,
        criteria,
        commentRequired: params.commentRequired,
        ...(await activeEvaluators(db, input.entryId, input.stageKey)),
      };
    },

    /**
     * Records one score sheet as a new version. The database has the last word: the stage must still be open and
     * its deadline not passed (unless this evaluator was given until later), and the assignment still active.
     */
    async recordDeskScore(input: SubmitDeskScoreRequest & { entryId: string; stageKey: string; updateId: string }) {
      const { entry, criteria } = await rubricOf(input.entryId, input.stageKey);
      return refusingAsFailure(() =>
        inTransaction(db, async (tx): Promise<DeskScoreReceipt> => {
          const recorded = await deskScoreOfUpdate(tx, input.updateId);
          if (recorded) return receipt(recorded);
          const stage = await lockStage(tx, entry.cycleId, input.stageKey, 'share');
          if (stage?.status !== 'open') throw new DomainError(ErrorCode.StageNotOpen, 'Desk evaluation has closed.');
          const assignment = await currentAssignment(tx, {
            entryId: input.entryId,
            stageKey: input.stageKey,
            userId: input.evaluatorId,
          });
          if (!assignment) {
            throw new DomainError(ErrorCode.NotAssigned, 'This entry is not assigned to you for desk evaluation.');
          }
          const now = await databaseNow(tx);
          const until = assignment.dueAt && assignment.dueAt > stage.closesAt ? assignment.dueAt : stage.closesAt;
          if (now > until) {
            throw new DomainError(
              ErrorCode.StageNotOpen,
              `The desk evaluation deadline (${formatInZone(until, stage.zone)}) has passed.`,
            );
          }
          await lockScoreSheet(tx, input.entryId, input.evaluatorId);
          const last = await lastScoreVersion(tx, input.entryId, input.stageKey, input.evaluatorId);
          const saved = await insertDeskScore(tx, {
            cycleId: entry.cycleId,
            stageKey: input.stageKey,
            entryId: input.entryId,
            userId: input.evaluatorId,
            version: last + 1,
            scores: input.scores,
            comment: input.comment?.trim() || null,
            weighted: weightedScore(criteria, input.scores),
            submittedAt: now,
            updateId: input.updateId,
          });
          return receipt(saved);
        }),
      );
    },
  };
}

function receipt(score: DeskScoreEntity): DeskScoreReceipt {
  return {
    entryId: score.entryId,
    stageKey: score.stageKey,
    evaluatorId: score.userId,
    version: score.version,
    weighted: Number(score.weighted),
    submittedAt: new Date(score.submittedAt).toISOString(),
  };
}

export type DeskEntryActivities = ReturnType<typeof createDeskEntryActivities>;
