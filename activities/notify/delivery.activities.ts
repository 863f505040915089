import { ApplicationFailure, Context, log } from '@temporalio/activity';
import type { Transporter } from 'nodemailer';
import { Webhook } from 'standardwebhooks';
import { emailParts, type Language } from '../../libs/domain';
import { postWebhook } from '../../libs/notify';
import { inTransaction, type Db, type DeliveryAttemptEntity, type DeliveryEntity } from '../../libs/persistence';
import {
  deliveryOrFail,
  failPendingDeliveries,
  noticeOrFail,
  noticesByIds,
  pendingDeliveriesAmong,
  recordDeliveryAttempt,
  updateWebhookEndpoint,
  webhookEndpointWithSecretsOrFail,
} from '../../libs/persistence/notify';
import { tahapMetrics } from '../metrics';

export interface DeliveryDeps {
  db: Db;
  mailer: Transporter;
  from: string;
  webhooksAllowPrivate: boolean;
  sendTimeoutSeconds: number;
  /** Test hook: end the process right after the SMTP server accepted, before the outbox records it. */
  crashAfterSmtpAccept?: boolean;
}

/** E-mails sent at once per batch; the SMTP transport pools five connections. */
const SENDERS = 5;

/**
 * Sends deliveries of notices. Both sends are idempotent as the recipient sees them: an e-mail always carries the
 * delivery's Message-ID and a webhook its webhook-id, so a retry after a crash is recognised as the same message.
 * Every try is written to the delivery log.
 */
export function createDeliveryActivities(deps: DeliveryDeps) {
  const { db } = deps;
  /** What an attempt's outcome makes of its delivery: a failure stays pending for Temporal's next retry. */
  const STATUS_AFTER = { accepted: 'delivered', gone: 'disabled', refused: 'failed', failed: 'pending' } as const;
  const attempt = async (delivery: DeliveryEntity, outcome: DeliveryAttemptEntity['outcome'], detail: string) => {
    await inTransaction(db, (tx) =>
      recordDeliveryAttempt(
        tx,
        { deliveryId: delivery.id, outcome, detail, at: new Date() },
        {
          status: STATUS_AFTER[outcome],
          deliveredAt: outcome === 'accepted' ? new Date() : null,
          lastError: outcome === 'accepted' ? null : detail,
        },
      ),
    );
    tahapMetrics.noticeDelivery(delivery.channel, outcome);
    const fields = { deliveryId: delivery.id, noticeId: delivery.noticeId, channel: delivery.channel, outcome };
    if (outcome === 'accepted') log.info(`Notice delivered by ${delivery.channel}`, fields);
    else log.warn(`Notice not delivered by ${delivery.channel} (${outcome}): ${detail}`, fields);
  };
  const load = async (deliveryId: string) => {
    const delivery = await deliveryOrFail(db, deliveryId);
    const notice = await noticeOrFail(db, delivery.noticeId);
    return { delivery, notice };
  };

  return {
    /**
     * Sends the batch's e-mails that are still pending, a few at a time, heartbeating each. If any failed, the
     * batch fails and Temporal retries it later: what was delivered meanwhile is skipped.
     */
    async sendEmails(deliveryIds: string[]): Promise<void> {
      const pending = await pendingDeliveriesAmong(db, deliveryIds);
      const notices = new Map(
        (
          await noticesByIds(
            db,
            pending.map((delivery) => delivery.noticeId),
          )
        ).map((notice) => [notice.id, notice]),
      );
      const failures: string[] = [];
      const queue = [...pending];
      const sender = async () => {
        for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
          const notice = notices.get(delivery.noticeId)!;
          const { text, html } = emailParts(notice, notice.language as Language);
          try {
            const info = await deps.mailer.sendMail({
              from: deps.from,
              to: delivery.target.split(','),
              subject: notice.subject,
              text,
              html,
              messageId: delivery.messageId,
              headers: { 'X-Tahap-Notice': notice.key },
              ...(notice.attachment ? { attachments: [notice.attachment] } : {}),
            });
            if (deps.crashAfterSmtpAccept) process.exit(75);
            await attempt(delivery, 'accepted', `SMTP ${info.response}`);
          } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            await attempt(delivery, 'failed', detail);
            failures.push(`${delivery.target}: ${detail}`);
          }
          Context.current().heartbeat();
        }
      };
      await Promise.all(Array.from({ length: SENDERS }, sender));
      if (failures.length > 0) {
        throw ApplicationFailure.create({
          type: 'EMAIL.FAILED',
          message: `${failures.length} of ${pending.length} e-mails failed (first: ${failures[0]})`,
        });
      }
    },

    async sendWebhook(deliveryId: string): Promise<void> {
      const { delivery, notice } = await load(deliveryId);
      if (delivery.status !== 'pending') return;
      const endpoint = await webhookEndpointWithSecretsOrFail(db, delivery.target);
      if (endpoint.status !== 'active') {
        await attempt(delivery, 'gone', `endpoint disabled: ${endpoint.disabledReason ?? 'by the agency'}`);
        return;
      }
      const sentAt = new Date();
      const payload = JSON.stringify({
        type: notice.kind,
        timestamp: sentAt.toISOString(),
        data: {
          noticeId: notice.id,
          key: notice.key,
          agencyCode: notice.agencyCode,
          language: notice.language,
          subject: notice.subject,
          body: notice.body,
          ...(notice.attachment ? { attachment: notice.attachment } : {}),
        },
      });
      const secrets = [endpoint.secret];
      if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > sentAt) {
        secrets.push(endpoint.previousSecret);
      }
      const signature = secrets
        .map((secret) => new Webhook(secret).sign(delivery.messageId, sentAt, payload))
        .join(' ');
      const headers = {
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      };
      let status: number;
      try {
        ({ status } = await postWebhook(endpoint.url, headers, payload, {
          allowPrivate: deps.webhooksAllowPrivate,
          timeoutMs: deps.sendTimeoutSeconds * 1000,
        }));
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        if (detail.startsWith('refused: ')) {
          await attempt(delivery, 'refused', detail);
          throw ApplicationFailure.create({ type: 'WEBHOOK.REFUSED', message: detail, nonRetryable: true });
        }
        await attempt(delivery, 'failed', detail);
        throw error;
      }
      if (status >= 200 && status < 300) return attempt(delivery, 'accepted', `HTTP ${status}`);
      if (status === 410) {
        await updateWebhookEndpoint(db, endpoint.id, {
          status: 'disabled',
          disabledReason: 'the receiver answered 410 Gone',
        });
        return attempt(delivery, 'gone', 'HTTP 410: endpoint disabled');
      }
      await attempt(delivery, 'failed', `HTTP ${status}`);
      throw ApplicationFailure.create({ type: 'WEBHOOK.FAILED', message: `the receiver answered ${status}` });
    },

    async markDeliveriesFailed(input: { deliveryIds: string[]; reason: string }): Promise<void> {
      await failPendingDeliveries(db, input.deliveryIds, input.reason);
    },
  };
}

export type DeliveryActivities = ReturnType<typeof createDeliveryActivities>;
