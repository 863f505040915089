import { proxyActivities } from '@temporalio/workflow';
import type { YearlyCycleActivities } from '../activities/yearly-cycle.activities';

const { nextCycleYear, launchCycleForYear } = proxyActivities<YearlyCycleActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute', maximumAttempts: 10 },
});

export interface YearlyCycleInput {
  templateKey: string;
  templateVersion: number;
}

/**
 * Started by a programme's yearly Temporal Schedule: launches the next year's cycle from the chosen template. The
 * year is decided once and kept in history, so a retried launch is the same launch, never the year after.
 */
export async function yearlyCycleWorkflow(input: YearlyCycleInput): Promise<{ cycleId: string }> {
  const year = await nextCycleYear(input);
  return { cycleId: await launchCycleForYear({ ...input, year }) };
}
