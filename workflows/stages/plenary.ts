import { startChild } from '@temporalio/workflow';
import { plenaryWorkflowId } from '../../libs/domain/ids';
import { plenaryWorkflow } from '../plenary.workflow';
import { adjournPlenarySignal } from '../plenary.messages';
import type { StageKind } from './stage-kind';

/**
 * The plenary session runs as a child workflow. Its decision closes the stage; a stage closed first, by its
 * deadline or an admin, adjourns it without a decision (a decision already being recorded still completes).
 */
export const plenaryStage: StageKind = {
  async whileOpen({ cycleId, stage }) {
    const child = await startChild(plenaryWorkflow, {
      workflowId: plenaryWorkflowId(cycleId, stage.key),
      args: [{ cycleId, stageKey: stage.key }],
    });
    let finished = false;
    // A plenary that failed or was terminated decided nothing; the cycle goes on to its announcement without one.
    const result = child.result().then(
      (decision) => decision,
      () => null,
    );
    void result.then(() => {
      finished = true;
    });
    return {
      closesItself: () => finished,
      async atClose(closedBy) {
        // The child may end between the last look and the signal; a signal to an ended workflow fails harmlessly.
        if (!finished) await child.signal(adjournPlenarySignal).catch(() => undefined);
        await result;
        return closedBy;
      },
    };
  },
};
