import { proxyActivities } from '@temporalio/workflow';
import type { NotifyActivities } from '../activities/notify/notify.activities';

/** The one way a workflow tells agencies something; large audiences heartbeat while they are written. */
export const { notify } = proxyActivities<NotifyActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});
