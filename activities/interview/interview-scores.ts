import { DomainError, ErrorCode, weightedScore, type InterviewScoreReceipt } from '../../libs/domain';
import {
  insertInterviewScoreVersion,
  interviewScoreOfUpdate,
  interviewStage,
  type InterviewScoreVersionRow,
} from '../../libs/persistence/interview';
import { inTransaction, type Db } from '../../libs/persistence/shared';
import type { SubmitInterviewScoreRequest } from '../../workflows/entry.messages';
import { refusingAsFailure } from '../business-failure';
import { loadInterviewPlan } from './interview-plan';
import { existingEntry } from '../../libs/persistence/entries';

/** One version of one panelist's interview score sheet; revisions add versions, keyed by the Update. */
export async function recordInterviewScore(
  db: Db,
  input: SubmitInterviewScoreRequest & { entryId: string; stageKey: string; updateId: string },
): Promise<InterviewScoreReceipt> {
  const plan = await loadInterviewPlan(db, { entryId: input.entryId, stageKey: input.stageKey });
  return refusingAsFailure(() =>
    inTransaction(db, async (tx) => {
      const entry = await existingEntry(tx, input.entryId);
      const { stage } = await interviewStage(tx, entry.cycleId, input.stageKey);
      const recorded = await interviewScoreOfUpdate(tx, input.updateId);
      if (recorded) return receipt(recorded);
      if (stage.status !== 'open') throw new DomainError(ErrorCode.StageNotOpen, 'Interviews have closed.');
      const saved = await insertInterviewScoreVersion(tx, {
        cycleId: stage.cycleId,
        stageKey: input.stageKey,
        entryId: input.entryId,
        panelistId: input.panelistId,
        scores: input.scores,
        comment: input.comment?.trim() || null,
        weighted: weightedScore(plan.criteria, input.scores),
        updateId: input.updateId,
      });
      return receipt(saved);
    }),
  );
}

function receipt(row: InterviewScoreVersionRow): InterviewScoreReceipt {
  return {
    entryId: row.entryId,
    stageKey: row.stageKey,
    evaluatorId: row.panelistId,
    version: row.version,
    weighted: Number(row.weighted),
    submittedAt: new Date(row.submittedAt).toISOString(),
  };
}
