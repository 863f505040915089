import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DeliveryEntity, NoticeEntity, WebhookEndpointEntity, type AgencyEntity } from '../../libs/persistence';
import type { DeliverySettings, DeliveryWorkflowInput } from '../../workflows/delivery.workflow';
import { noticeDrafts, type NoticeDraft, type NoticeEvent } from './notice-drafts';

const BATCH = 500;
const STARTS_AT_ONCE = 50;
const NOTICES_PER_RUN = 100;

export interface NotifyDeps {
  dataSource: DataSource;
  client: Client;
  taskQueue: string;
  settings: DeliverySettings;
}

/**
 * The id a notice's delivery carries on every retry: the e-mail Message-ID and the webhook-id. One per notice
 * (event and agency) and round, so each agency's message is its own and a retry is recognisably the same one.
 */
export function deliveryMessageId(notice: NoticeEntity, round: number, channel: 'email' | 'webhook'): string {
  const digest = createHash('sha256').update(`${notice.key}|${notice.agencyCode}#${round}`).digest('hex').slice(0, 32);
  return channel === 'email' ? `<${digest}.${round}@tahap.local>` : `msg_${digest}_${round}`;
}

/** The deliveries of one notice in one round: e-mail to the agency's contacts, and each of its active webhooks. */
export function planDeliveries(
  notice: NoticeEntity,
  agency: AgencyEntity,
  endpoints: WebhookEndpointEntity[],
  round: number,
): Partial<DeliveryEntity>[] {
  const rows: Partial<DeliveryEntity>[] = [];
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
  return rows.map((row) => ({ ...row, noticeId: notice.id, round, status: 'pending' as const, attempts: 0 }));
}

/**
 * Starts the delivery workflows of a set of notices' deliveries, one per run of up to NOTICES_PER_RUN notices in
 * id order (`delivery-<first notice id>-r<round>`), so the same notices always make the same runs and a run that
 * already exists is left alone. Batches keep Temporal's work per notice small when an event reaches thousands.
 */
export async function startDeliveries(deps: NotifyDeps, deliveries: DeliveryEntity[]): Promise<void> {
  const byRound = new Map<number, DeliveryEntity[]>();
  for (const delivery of deliveries) byRound.set(delivery.round, [...(byRound.get(delivery.round) ?? []), delivery]);
  const runs: DeliveryWorkflowInput[] = [];
  for (const [round, ofRound] of byRound) {
    const noticeIds = [...new Set(ofRound.map((delivery) => delivery.noticeId))].sort((a, b) => Number(a) - Number(b));
    for (let start = 0; start < noticeIds.length; start += NOTICES_PER_RUN) {
      const chunk = new Set(noticeIds.slice(start, start + NOTICES_PER_RUN));
      const members = ofRound.filter((delivery) => chunk.has(delivery.noticeId));
      runs.push({
        noticeId: noticeIds[start],
        round,
        deliveries: members.map(({ id, channel }) => ({ id, channel })),
        settings: deps.settings,
      });
    }
  }
  for (let start = 0; start < runs.length; start += STARTS_AT_ONCE) {
    await Promise.all(
      runs.slice(start, start + STARTS_AT_ONCE).map((input) =>
        deps.client.workflow
          .start('deliveryWorkflow', {
            workflowId: `delivery-${input.noticeId}-r${input.round}`,
            taskQueue: deps.taskQueue,
            args: [input],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          })
          .catch((error: unknown) => {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          }),
      ),
    );
  }
}

/**
 * The one way Tahap tells agencies something. It writes the outbox (a notice per agency, keyed by workflow id plus
 * event, which is also the in-app inbox) and the planned deliveries in one transaction, then starts a delivery
 * workflow per notice. Every step is keyed, so a retried or repeated notify adds nothing and sends nothing twice.
 */
export function createNotifyActivities(deps: NotifyDeps) {
  return {
    async notify(event: NoticeEvent): Promise<{ notices: number }> {
      const drafts = await noticeDrafts(deps.dataSource, event);
      let done = 0;
      for (let start = 0; start < drafts.length; start += BATCH) {
        const batch = drafts.slice(start, start + BATCH);
        const deliveries = await deps.dataSource.transaction((tx) => writeOutbox(tx, batch));
        await startDeliveries(deps, deliveries);
        done += batch.length;
        Context.current().heartbeat(done);
      }
      return { notices: drafts.length };
    },
  };
}

async function writeOutbox(tx: EntityManager, drafts: NoticeDraft[]): Promise<DeliveryEntity[]> {
  await tx
    .createQueryBuilder()
    .insert()
    .into(NoticeEntity)
    .values(
      drafts.map(({ kind, key, agency, text }) => ({
        key,
        kind,
        agencyCode: agency.code,
        language: agency.language,
        ...text,
      })),
    )
    .orIgnore()
    .execute();
  const notices = await tx.getRepository(NoticeEntity).findBy({ key: In(drafts.map((draft) => draft.key)) });
  const agencyOf = new Map(drafts.map((draft) => [`${draft.key}|${draft.agency.code}`, draft.agency]));
  const endpoints = await tx
    .getRepository(WebhookEndpointEntity)
    .findBy({ agencyCode: In([...new Set(drafts.map((draft) => draft.agency.code))]), status: 'active' });
  const planned = notices.flatMap((notice) => {
    const agency = agencyOf.get(`${notice.key}|${notice.agencyCode}`);
    return agency ? planDeliveries(notice, agency, endpoints, 0) : [];
  });
  if (planned.length > 0)
    await tx.createQueryBuilder().insert().into(DeliveryEntity).values(planned).orIgnore().execute();
  return tx.getRepository(DeliveryEntity).findBy({ noticeId: In(notices.map((notice) => notice.id)), round: 0 });
}

export type NotifyActivities = ReturnType<typeof createNotifyActivities>;
