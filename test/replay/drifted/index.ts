import { proxyActivities } from '@temporalio/workflow';
import type { CycleStageActivities } from '../../../activities/cycle-stage.activities';
import type { CycleWorkflowInput } from '../../../workflows/cycle.messages';

const { completeCycle } = proxyActivities<CycleStageActivities>({ startToCloseTimeout: '30 seconds' });

/** A deliberately incompatible cycleWorkflow: it completes the cycle at once instead of walking the stages. */
export async function cycleWorkflow({ cycleId }: CycleWorkflowInput): Promise<void> {
  await completeCycle({ cycleId, at: new Date().toISOString() });
}

export async function entryWorkflow(): Promise<void> {}
