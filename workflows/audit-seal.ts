import { proxyActivities } from '@temporalio/workflow';
import type { AuditActivities } from '../activities/audit/audit.activities';

const { sealAuditTrail } = proxyActivities<AuditActivities>({
  startToCloseTimeout: '2 minutes',
  // The worker heartbeats it while it runs (apps/worker): one that died is noticed in 30 s, not at the timeout.
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * Copies the decisions in this workflow's history so far (start, signals, Updates) into the hash-chained audit
 * log. Called at milestones, so a decision reaches the log at the workflow's next milestone; the seal is
 * idempotent, so a retry or a second seal writes nothing twice.
 */
export async function sealAudit(subject: { cycleId: string; entryId?: string }): Promise<void> {
  await sealAuditTrail(subject);
}
