import { proxyActivities } from '@temporalio/workflow';
import type { PlenaryActivities } from '../activities/plenary/plenary.activities';

/** The plenary's database steps, as the plenary, the cycle's announcement and a correction call them. */
export const plenaryActivities = proxyActivities<PlenaryActivities>({
  startToCloseTimeout: '5 minutes',
  // The worker heartbeats it while it runs (apps/worker): one that died is noticed in 30 s, not at the timeout.
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});
