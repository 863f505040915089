import { proxyActivities } from '@temporalio/workflow';
import type { YearlyCycleActivities } from '../activities/yearly-cycle.activities';

const { launchNextCycle } = proxyActivities<YearlyCycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute', maximumAttempts: 10 },
});

export interface YearlyCycleInput {
  templateKey: string;
  templateVersion: number;
}

/** Started by a programme's yearly Temporal Schedule: launches the next year's cycle from the chosen template. */
export async function yearlyCycleWorkflow(input: YearlyCycleInput): Promise<{ cycleId: string }> {
  return { cycleId: await launchNextCycle(input) };
}
