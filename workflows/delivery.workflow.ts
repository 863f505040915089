import { proxyActivities } from '@temporalio/workflow';
import type { DeliveryActivities } from '../activities/notify/delivery.activities';

export interface DeliverySettings {
  /** First retry delay in seconds; each later one doubles (up to 30 minutes for e-mail, an hour for webhooks). */
  retryInitialSeconds: number;
  sendTimeoutSeconds: number;
}

export interface DeliveryWorkflowInput {
  /** The first notice of the run; a run carries up to 100 notices' deliveries. */
  noticeId: string;
  round: number;
  deliveries: { id: string; channel: 'email' | 'webhook' }[];
  settings: DeliverySettings;
}

/**
 * Delivers a run of notices on their channels: the e-mails as one batch, each webhook on its own so one slow
 * receiver does not hold back the others. Temporal's retry policy does the backing off (over hours for a
 * webhook); a retried batch sends only what is still pending, and every send carries its delivery's stable id.
 * What runs out of attempts is marked failed, for an admin to see and re-send.
 */
export async function deliveryWorkflow({ deliveries, settings }: DeliveryWorkflowInput): Promise<void> {
  const initialInterval = `${settings.retryInitialSeconds} seconds` as const;
  const { sendEmails } = proxyActivities<DeliveryActivities>({
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: `${settings.sendTimeoutSeconds * 2} seconds`,
    retry: { initialInterval, backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 12 },
  });
  const { sendWebhook } = proxyActivities<DeliveryActivities>({
    startToCloseTimeout: `${settings.sendTimeoutSeconds + 5} seconds`,
    retry: { initialInterval, backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: 20 },
  });
  const { markDeliveriesFailed } = proxyActivities<DeliveryActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { maximumInterval: '1 minute' },
  });
  const settle = (deliveryIds: string[], send: Promise<void>) =>
    send.catch((error: unknown) =>
      markDeliveriesFailed({ deliveryIds, reason: error instanceof Error ? error.message : String(error) }),
    );
  const emails = deliveries.filter((delivery) => delivery.channel === 'email').map((delivery) => delivery.id);
  const webhooks = deliveries.filter((delivery) => delivery.channel === 'webhook').map((delivery) => delivery.id);
  await Promise.all([
    ...(emails.length > 0 ? [settle(emails, sendEmails(emails))] : []),
    ...webhooks.map((id) => settle([id], sendWebhook(id))),
  ]);
}
