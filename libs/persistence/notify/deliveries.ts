import { In } from 'typeorm';
import { DeliveryAttemptEntity, DeliveryEntity, NoticeEntity, type DeliveryStatus } from '../entities';
import type { Db } from '../shared/db';

/** A delivery as planned, before its first attempt. */
export type NewDeliveryRow = Pick<
  DeliveryEntity,
  'noticeId' | 'round' | 'runId' | 'channel' | 'target' | 'messageId' | 'status' | 'attempts'
>;

/** What an attempt's outcome makes of a delivery that was still pending. */
export type DeliverySettlement = Pick<DeliveryEntity, 'status' | 'deliveredAt' | 'lastError'>;

/** Of these notices, those whose first round (0) of deliveries is already planned. */
export async function noticesWithFirstRound(tx: Db, noticeIds: string[]): Promise<Set<string>> {
  const planned = await tx
    .getRepository(DeliveryEntity)
    .createQueryBuilder('delivery')
    .select('DISTINCT delivery.noticeId', 'noticeId')
    .where('delivery.noticeId IN (:...ids) AND delivery.round = 0', { ids: noticeIds })
    .getRawMany<{ noticeId: string }>();
  return new Set(planned.map((row) => String(row.noticeId)));
}

/** Writes deliveries that are not there yet (a retried batch finds its own). */
export async function insertNewDeliveries(tx: Db, rows: NewDeliveryRow[]): Promise<void> {
  await tx.createQueryBuilder().insert().into(DeliveryEntity).values(rows).orIgnore().execute();
}

export async function insertDeliveries(tx: Db, rows: NewDeliveryRow[]): Promise<void> {
  await tx.getRepository(DeliveryEntity).insert(rows);
}

export function deliveriesOfRound(db: Db, noticeIds: string[], round: number): Promise<DeliveryEntity[]> {
  return db.getRepository(DeliveryEntity).findBy({ noticeId: In(noticeIds), round });
}

/** The notice's latest round of deliveries, 0 when it has none. */
export async function lastDeliveryRound(tx: Db, noticeId: string): Promise<number> {
  const [{ last }] = await tx.query<{ last: number }[]>(
    'SELECT coalesce(max(round), 0)::int AS last FROM deliveries WHERE notice_id = $1',
    [noticeId],
  );
  return last;
}

/** The delivery, or TypeORM's EntityNotFoundError. */
export function deliveryOrFail(db: Db, id: string): Promise<DeliveryEntity> {
  return db.getRepository(DeliveryEntity).findOneByOrFail({ id });
}

export function pendingDeliveriesAmong(db: Db, ids: string[]): Promise<DeliveryEntity[]> {
  return db.getRepository(DeliveryEntity).findBy({ id: In(ids), status: 'pending' });
}

/** Logs one try of a delivery, counts it, and settles the delivery if it was still pending. */
export async function recordDeliveryAttempt(
  tx: Db,
  attempt: Pick<DeliveryAttemptEntity, 'deliveryId' | 'outcome' | 'detail' | 'at'>,
  settlement: DeliverySettlement,
): Promise<void> {
  await tx.getRepository(DeliveryAttemptEntity).insert(attempt);
  await tx.getRepository(DeliveryEntity).increment({ id: attempt.deliveryId }, 'attempts', 1);
  await tx.getRepository(DeliveryEntity).update({ id: attempt.deliveryId, status: 'pending' }, settlement);
}

/** Gives up on those of the deliveries still pending. */
export async function failPendingDeliveries(db: Db, ids: string[], reason: string): Promise<void> {
  await db
    .getRepository(DeliveryEntity)
    .update({ id: In(ids), status: 'pending' }, { status: 'failed', lastError: reason });
}

export interface DeliveryLogFilter {
  status?: DeliveryStatus;
  agencyCode?: string;
  page: number;
  pageSize: number;
}

/** One page of the delivery log, newest first, and how many deliveries match in all. */
export function deliveryLogPage(db: Db, filter: DeliveryLogFilter): Promise<[DeliveryEntity[], number]> {
  const builder = db
    .getRepository(DeliveryEntity)
    .createQueryBuilder('delivery')
    .innerJoin(NoticeEntity, 'notice', 'notice.id = delivery.noticeId')
    .orderBy('delivery.id', 'DESC')
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize);
  if (filter.status) builder.andWhere('delivery.status = :status', { status: filter.status });
  if (filter.agencyCode) builder.andWhere('notice.agencyCode = :agency', { agency: filter.agencyCode });
  return builder.getManyAndCount();
}

/** Every delivery of a notice, round by round. */
export function deliveriesOfNotice(db: Db, noticeId: string): Promise<DeliveryEntity[]> {
  return db.getRepository(DeliveryEntity).find({ where: { noticeId }, order: { round: 'ASC', id: 'ASC' } });
}

/** Every attempt of these deliveries, in the order they were made. */
export function attemptsOfDeliveries(db: Db, deliveryIds: string[]): Promise<DeliveryAttemptEntity[]> {
  return db.getRepository(DeliveryAttemptEntity).find({ where: { deliveryId: In(deliveryIds) }, order: { id: 'ASC' } });
}
