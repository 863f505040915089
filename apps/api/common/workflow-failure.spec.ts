import { ActivityFailure, ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { RetryState } from '@temporalio/common';
import { workflowFailure } from './workflow-failure';

const inActivity = (cause: ApplicationFailure) =>
  new WorkflowUpdateFailedError(
    'Workflow Update failed',
    new ActivityFailure('Activity task failed', 'moveInterview', '7', RetryState.NON_RETRYABLE_FAILURE, 'w', cause),
  );

describe('workflowFailure', () => {
  it("tells the client a workflow step's refusal: its code, message, field issues and extra facts", () => {
    const refusal = ApplicationFailure.create({
      type: 'INTERVIEW.SLOT_TAKEN',
      message: 'That slot has just been taken.',
      nonRetryable: true,
      details: [[{ path: 'slotId', message: 'choose another' }], { alternatives: [] }],
    });
    for (const error of [inActivity(refusal), new WorkflowUpdateFailedError('Workflow Update failed', refusal)]) {
      expect(workflowFailure(error)).toEqual({
        told: {
          code: 'INTERVIEW.SLOT_TAKEN',
          message: 'That slot has just been taken.',
          details: [{ path: 'slotId', message: 'choose another' }],
          extra: { alternatives: [] },
        },
      });
    }
  });

  it('[security] keeps a step that failed by itself from the client: its words, which may name hosts or tables, are for the log', () => {
    const raw = 'connect ECONNREFUSED 10.1.2.3:5432 (user tahap_worker, table interview_panelists)';
    for (const failure of [
      ApplicationFailure.create({ type: 'Error', message: raw }),
      ApplicationFailure.create({ message: raw }),
    ]) {
      for (const error of [inActivity(failure), new WorkflowUpdateFailedError('Workflow Update failed', failure)]) {
        const found = workflowFailure(error);
        expect(found).toEqual({ failure });
        expect(found && 'told' in found).toBe(false);
      }
    }
    expect(workflowFailure(new Error(raw))).toBeUndefined();
  });
});
