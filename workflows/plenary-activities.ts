import { proxyActivities } from '@temporalio/workflow';
import type { PlenaryActivities } from '../activities/plenary/plenary.activities';

/** The plenary's database steps, as the plenary, the cycle's announcement and a correction call them. */
export const plenaryActivities = proxyActivities<PlenaryActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { maximumInterval: '30 seconds' },
});
