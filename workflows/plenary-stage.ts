import { proxyActivities, startChild } from '@temporalio/workflow';
import type { PlenaryActivities } from '../activities/plenary/plenary.activities';
import { plenaryWorkflowId } from '../libs/domain/ids';
import { notify } from './notify';
import { plenaryWorkflow } from './plenary.workflow';
import { adjournPlenarySignal } from './plenary.messages';

const plenary = proxyActivities<PlenaryActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumInterval: '30 seconds' },
});

/** Histories started before the plenary and the announcement had steps of their own replay without them. */
export const PLENARY_STEPS_PATCH = 'plenary-stage-steps';

/**
 * Starts the plenary as a child workflow. Its decision closes the stage (`decided`); a stage closed first, by its
 * deadline or an admin, adjourns it without a decision (`adjourn` waits for a decision already being recorded).
 */
export async function openPlenary(cycleId: string, stageKey: string) {
  const child = await startChild(plenaryWorkflow, {
    workflowId: plenaryWorkflowId(cycleId, stageKey),
    args: [{ cycleId, stageKey }],
  });
  let finished = false;
  const result = child.result().finally(() => {
    finished = true;
  });
  return {
    decided: () => finished,
    async adjourn(): Promise<void> {
      if (!finished) await child.signal(adjournPlenarySignal);
      await result;
    },
  };
}

/** At the announcement's opening the latest decision is made public and every agency is told its results. */
export async function announceResults(cycleId: string, stageKey: string): Promise<void> {
  const { decisionNumber } = await plenary.announceResults({ cycleId, stageKey });
  if (decisionNumber) await notify({ kind: 'results-announced', cycleId, decisionNumber });
}
