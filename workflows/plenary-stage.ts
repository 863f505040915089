import { startChild } from '@temporalio/workflow';
import { plenaryActivities as plenary } from './plenary-activities';
import { plenaryWorkflowId } from '../libs/domain/ids';
import { notify } from './notify';
import { plenaryWorkflow } from './plenary.workflow';
import { adjournPlenarySignal } from './plenary.messages';

/** Histories started before the plenary and the announcement had steps of their own replay without them. */
export const PLENARY_STEPS_PATCH = 'plenary-stage-steps';

/**
 * Starts the plenary as a child workflow. Its decision closes the stage (`decided`); a stage closed first, by its
 * deadline or an admin, adjourns it without a decision (`adjourn` waits for a decision already being recorded).
 */
export async function startPlenary(cycleId: string, stageKey: string) {
  const child = await startChild(plenaryWorkflow, {
    workflowId: plenaryWorkflowId(cycleId, stageKey),
    args: [{ cycleId, stageKey }],
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
    finished: () => finished,
    async adjourn(): Promise<void> {
      // The child may end between the last look and the signal; a signal to an ended workflow fails harmlessly.
      if (!finished) await child.signal(adjournPlenarySignal).catch(() => undefined);
      await result;
    },
  };
}

/** At the announcement's opening the latest decision is made public and every agency is told its results. */
export async function announceResults(cycleId: string, stageKey: string): Promise<void> {
  const { decisionNumber } = await plenary.announceResults({ cycleId, stageKey });
  if (decisionNumber) await notify({ kind: 'results-announced', cycleId, decisionNumber });
}
