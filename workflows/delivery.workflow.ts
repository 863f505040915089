import { proxyActivities } from '@temporalio/workflow';
import type { DeliveryActivities } from '../activities/notify/delivery.activities';

export interface DeliverySettings {
  /** First retry delay in seconds; each later one doubles (up to 30 minutes for e-mail, an hour for webhooks). */
  retryInitialSeconds: number;
  sendTimeoutSeconds: number;
}

export interface DeliveryWorkflowInput {
  noticeId: string;
  round: number;
  deliveries: { id: string; channel: 'email' | 'webhook' }[];
  settings: DeliverySettings;
}

/**
 * Delivers one notice on each of its channels. Temporal's retry policy does the backing off, over hours for a
 * webhook; each send is idempotent by the delivery's stable message id. A delivery that runs out of attempts is
 * marked failed, for an admin to see and re-send.
 */
export async function deliveryWorkflow({ deliveries, settings }: DeliveryWorkflowInput): Promise<void> {
  const timeouts = { startToCloseTimeout: `${settings.sendTimeoutSeconds + 5} seconds` } as const;
  const initialInterval = `${settings.retryInitialSeconds} seconds` as const;
  const { sendEmail } = proxyActivities<DeliveryActivities>({
    ...timeouts,
    retry: { initialInterval, backoffCoefficient: 2, maximumInterval: '30 minutes', maximumAttempts: 12 },
  });
  const { sendWebhook } = proxyActivities<DeliveryActivities>({
    ...timeouts,
    retry: { initialInterval, backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: 20 },
  });
  const { markDeliveryFailed } = proxyActivities<DeliveryActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { maximumInterval: '1 minute' },
  });
  await Promise.all(
    deliveries.map(async ({ id, channel }) => {
      try {
        await (channel === 'email' ? sendEmail(id) : sendWebhook(id));
      } catch (error) {
        await markDeliveryFailed({ deliveryId: id, reason: error instanceof Error ? error.message : String(error) });
      }
    }),
  );
}
