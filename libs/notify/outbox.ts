import { createHash } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DeliverySettings, DeliveryWorkflowInput } from '../../workflows/delivery.workflow';
import {
  inTransaction,
  type AgencyEntity,
  type Db,
  type DeliveryEntity,
  type NoticeEntity,
  type WebhookEndpointEntity,
} from '../persistence';
import {
  activeWebhookEndpointsOf,
  deliveriesOfRound,
  insertNewDeliveries,
  insertNewNotices,
  noticesKeyed,
  noticesWithFirstRound,
  type NewDeliveryRow,
} from '../persistence/notify';
import { noticeDrafts, recipientOf, type NoticeDraft, type NoticeEvent } from './notice-drafts';

const BATCH = 500;
const STARTS_AT_ONCE = 50;
const NOTICES_PER_RUN = 100;

export interface NotifyDeps {
  db: Db;
  client: Client;
  taskQueue: string;
  settings: DeliverySettings;
}

/**
 * The id a notice's delivery carries on every retry: the e-mail Message-ID and the webhook-id. One per notice
 * (event and agency) and round, so each agency's message is its own and a retry is recognisably the same one.
 */
export function deliveryMessageId(notice: NoticeEntity, round: number, channel: 'email' | 'webhook'): string {
  const digest = createHash('sha256')
    .update(`${notice.key}|${recipientOf(notice)}#${round}`)
    .digest('hex')
    .slice(0, 32);
  return channel === 'email' ? `<${digest}.${round}@tahap.local>` : `msg_${digest}_${round}`;
}

/**
 * The deliveries of one notice in one round: e-mail to the agency's contacts, and each of its active webhooks; or,
 * for a notice to a person, e-mail to that person.
 */
export function planDeliveries(
  notice: NoticeEntity,
  agency: AgencyEntity | undefined,
  endpoints: WebhookEndpointEntity[],
  round: number,
  runId: string,
): NewDeliveryRow[] {
  const rows: Pick<NewDeliveryRow, 'channel' | 'target' | 'messageId'>[] = [];
  if (!agency) {
    if (notice.recipientEmail) {
      rows.push({
        channel: 'email',
        target: notice.recipientEmail,
        messageId: deliveryMessageId(notice, round, 'email'),
      });
    }
    return rows.map((row) => ({ ...row, noticeId: notice.id, round, runId, status: 'pending' as const, attempts: 0 }));
  }
  const emails = agency.contacts.map((contact) => contact.email).filter(Boolean);
  if (agency.channels.includes('email') && emails.length > 0) {
    rows.push({ channel: 'email', target: emails.join(','), messageId: deliveryMessageId(notice, round, 'email') });
  }
  if (agency.channels.includes('webhook')) {
    for (const endpoint of endpoints.filter((candidate) => candidate.agencyCode === agency.code)) {
      rows.push({
        channel: 'webhook',
        target: endpoint.id,
        messageId: deliveryMessageId(notice, round, 'webhook'),
      });
    }
  }
  return rows.map((row) => ({ ...row, noticeId: notice.id, round, runId, status: 'pending' as const, attempts: 0 }));
}

export const runIdOf = (firstNoticeId: string, round: number) => `delivery-${firstNoticeId}-r${round}`;

/** Starts each delivery run the rows name; a run that already exists (a retry) is left alone. */
export async function startDeliveries(deps: NotifyDeps, deliveries: DeliveryEntity[]): Promise<void> {
  const runs = new Map<string, DeliveryEntity[]>();
  for (const delivery of deliveries) runs.set(delivery.runId, [...(runs.get(delivery.runId) ?? []), delivery]);
  const entries = [...runs.entries()];
  for (let start = 0; start < entries.length; start += STARTS_AT_ONCE) {
    await Promise.all(
      entries.slice(start, start + STARTS_AT_ONCE).map(([workflowId, members]) => {
        const input: DeliveryWorkflowInput = {
          noticeId: members[0].noticeId,
          round: members[0].round,
          deliveries: members.map(({ id, channel }) => ({ id, channel })),
          settings: deps.settings,
        };
        return deps.client.workflow
          .start('deliveryWorkflow', {
            workflowId,
            taskQueue: deps.taskQueue,
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          })
          .catch((error: unknown) => {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          });
      }),
    );
  }
}

/**
 * The one way Tahap tells agencies something: writes an event's notices (the outbox, which is also the in-app
 * inbox) and their planned deliveries batch by batch, each batch in one transaction, then starts their delivery
 * runs. Every step is keyed, so a retried or repeated send adds nothing and sends nothing twice.
 */
export async function sendNotices(
  deps: NotifyDeps,
  event: NoticeEvent,
  progress: (done: number) => void = () => undefined,
): Promise<{ notices: number }> {
  const drafts = await noticeDrafts(deps.db, event);
  let done = 0;
  for (let start = 0; start < drafts.length; start += BATCH) {
    const batch = drafts.slice(start, start + BATCH);
    const deliveries = await inTransaction(deps.db, (tx) => writeOutbox(tx, batch));
    await startDeliveries(deps, deliveries);
    done += batch.length;
    progress(done);
  }
  return { notices: drafts.length };
}

/**
 * Writes one batch's notices and plans their deliveries. Deliveries are assigned to runs of up to NOTICES_PER_RUN
 * notices when first written, so each belongs to exactly one run however often this is retried; notices whose
 * deliveries already exist keep them. Returns this batch's deliveries, to start their runs.
 */
async function writeOutbox(tx: Db, drafts: NoticeDraft[]): Promise<DeliveryEntity[]> {
  await insertNewNotices(
    tx,
    drafts.map(({ kind, key, recipient, text, attachment }) => ({
      key,
      kind,
      agencyCode: recipient.agency?.code ?? null,
      recipientEmail: recipient.person?.email ?? null,
      userId: recipient.person?.userId ?? null,
      language: recipient.agency?.language ?? recipient.person!.language,
      attachment: attachment ?? null,
      ...text,
    })),
  );
  const draftOf = new Map(drafts.map((draft) => [`${draft.key}|${recipientOf(draft.recipient)}`, draft]));
  const notices = (
    await noticesKeyed(
      tx,
      drafts.map((draft) => draft.key),
    )
  )
    .filter((notice) => draftOf.has(`${notice.key}|${recipientOf(notice)}`))
    .sort((a, b) => Number(a.id) - Number(b.id));
  const noticeIds = notices.map((notice) => notice.id);
  const done = await noticesWithFirstRound(tx, noticeIds);
  const fresh = notices.filter((notice) => !done.has(notice.id));
  const endpoints = await activeWebhookEndpointsOf(tx, [
    ...new Set(drafts.flatMap((draft) => draft.recipient.agency?.code ?? [])),
  ]);
  const rows = fresh.flatMap((notice, index) => {
    const runId = runIdOf(fresh[index - (index % NOTICES_PER_RUN)].id, 0);
    const { recipient } = draftOf.get(`${notice.key}|${recipientOf(notice)}`)!;
    return planDeliveries(notice, recipient.agency, endpoints, 0, runId);
  });
  if (rows.length > 0) await insertNewDeliveries(tx, rows);
  return deliveriesOfRound(tx, noticeIds, 0);
}
