import { currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import type { DeskEntryActivities } from '../activities/desk/desk-entry.activities';
import { checkDeskScore } from '../libs/domain/scoring/check-score';
import { ErrorCode } from '../libs/domain/error-codes';
import {
  deskEvaluatorsSignal,
  submitDeskScoreUpdate,
  type DeskEvaluatorsChange,
  type EntryState,
  type StageEvent,
} from './entry.messages';
import { reject } from './rejection';

const desk = proxyActivities<DeskEntryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * Desk scoring on the entry: evaluators submit score sheets as an Update. The validator refuses, from the
 * workflow's own state, a sheet for a stage that is not open, from someone not assigned, or that does not fit the
 * rubric; the activity then records it under the database's own checks (the deadline, an individual extension).
 */
export function installDeskScoring(state: EntryState) {
  // Signals may overtake each other or the initial load: the highest version wins.
  const changes = new Map<string, DeskEvaluatorsChange>();
  const newer = (change: DeskEvaluatorsChange, than?: { version: number }) => !than || change.version > than.version;
  setHandler(deskEvaluatorsSignal, (change) => {
    if (newer(change, changes.get(change.stageKey))) changes.set(change.stageKey, change);
    if (state.desk?.stageKey === change.stageKey && newer(change, state.desk)) {
      Object.assign(state.desk, { evaluatorIds: change.evaluatorIds, version: change.version });
    }
  });
  const deskOpen = (stageKey: string) =>
    state.status === 'active' &&
    state.history.some((record) => record.stageKey === stageKey && record.completedAt === undefined);
  setHandler(
    submitDeskScoreUpdate,
    ({ evaluatorId, scores, comment }) =>
      desk.recordDeskScore({
        entryId: state.entryId,
        stageKey: state.desk!.stageKey,
        evaluatorId,
        scores,
        comment,
        updateId: currentUpdateInfo()!.id,
      }),
    {
      validator: ({ evaluatorId, scores, comment }) => {
        const scoring = state.desk;
        if (!scoring || !deskOpen(scoring.stageKey)) {
          reject(ErrorCode.StageNotOpen, 'Desk evaluation is not open for this entry.');
        }
        if (!scoring.evaluatorIds.includes(evaluatorId)) {
          reject(ErrorCode.NotAssigned, 'This entry is not assigned to you for desk evaluation.');
        }
        const issues = checkDeskScore(scoring.criteria, scoring.commentRequired, scores, comment);
        if (issues.length > 0) {
          reject(ErrorCode.ScoreInvalid, issues.map((issue) => `${issue.path} ${issue.message}`).join('; '));
        }
      },
    },
  );

  return {
    /** Called after an `entered` event is recorded: a desk stage loads its rubric and evaluators. */
    async entered(event: StageEvent): Promise<void> {
      if (event.stageType !== 'desk-evaluation') return;
      const scoring = await desk.loadDeskScoring({ entryId: state.entryId, stageKey: event.stageKey });
      const change = changes.get(event.stageKey);
      state.desk = change && newer(change, scoring) ? { ...scoring, ...change } : scoring;
    },
  };
}
