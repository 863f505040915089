import { In, Not } from 'typeorm';
import { CycleStageEntity, ObjectionEntity, type ObjectionStatus } from '../entities';
import type { Db } from '../shared/db';

/** The cycle's objection stage row, or null; `lock` holds it shared until the transaction ends. */
export function objectionStage(db: Db, cycleId: string, lock = false): Promise<CycleStageEntity | null> {
  return db.getRepository(CycleStageEntity).findOne({
    where: { cycleId, type: 'objection' },
    ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
  });
}

/** The cycle's objection stage row (which must exist); `lock` holds it shared until the transaction ends. */
export function objectionStageOrFail(db: Db, cycleId: string, lock = false): Promise<CycleStageEntity> {
  return db.getRepository(CycleStageEntity).findOneOrFail({
    where: { cycleId, type: 'objection' },
    ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
  });
}

/** An objection of the cycle, or null; `lock` holds the row exclusively until the transaction ends. */
export function objectionOf(
  db: Db,
  cycleId: string,
  objectionId: string,
  lock = false,
): Promise<ObjectionEntity | null> {
  return db.getRepository(ObjectionEntity).findOne({
    where: { id: objectionId, cycleId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/** An objection (which must exist). */
export function objectionOrFail(db: Db, objectionId: string): Promise<ObjectionEntity> {
  return db.getRepository(ObjectionEntity).findOneByOrFail({ id: objectionId });
}

/** The objections of these ids; none for none. */
export function objectionsNamed(db: Db, objectionIds: string[]): Promise<ObjectionEntity[]> {
  return objectionIds.length === 0
    ? Promise.resolve([])
    : db.getRepository(ObjectionEntity).findBy({ id: In(objectionIds) });
}

/**
 * One page of the cycle's objections in the order filed, and how many there are: of one status, or, unnamed, every
 * confirmed one (an unconfirmed objection is listed only when asked for by name).
 */
export function objectionsPage(
  db: Db,
  cycleId: string,
  filter: { status?: ObjectionStatus; page: number; pageSize: number },
): Promise<[ObjectionEntity[], number]> {
  return db.getRepository(ObjectionEntity).findAndCount({
    where: { cycleId, status: filter.status ?? Not('unconfirmed') },
    order: { filedAt: 'ASC', id: 'ASC' },
    skip: (filter.page - 1) * filter.pageSize,
    take: filter.pageSize,
  });
}

/** A new objection, unconfirmed until the link whose secret has this digest is opened. */
export function fileObjection(
  tx: Db,
  objection: Pick<
    ObjectionEntity,
    | 'cycleId'
    | 'entryId'
    | 'reason'
    | 'contactName'
    | 'contactEmail'
    | 'language'
    | 'clientAddress'
    | 'confirmationDigest'
  >,
): Promise<ObjectionEntity> {
  return tx.getRepository(ObjectionEntity).save({ ...objection, status: 'unconfirmed' as const });
}

/** Removes an objection that could not be confirmed (its link was never sent). */
export async function deleteObjection(db: Db, objectionId: string): Promise<void> {
  await db.getRepository(ObjectionEntity).delete({ id: objectionId });
}

/** The objection's confirmation digest, or undefined for no such objection of the cycle. */
export async function objectionConfirmationDigest(
  db: Db,
  cycleId: string,
  objectionId: string,
): Promise<string | null | undefined> {
  const row = await db
    .getRepository(ObjectionEntity)
    .createQueryBuilder('objection')
    .select('objection.confirmationDigest', 'digest')
    .where('objection.id = :objectionId AND objection.cycleId = :cycleId', { objectionId, cycleId })
    .getRawOne<{ digest: string | null }>();
  return row ? row.digest : undefined;
}

/** Counts an unconfirmed objection from now on; one already confirmed (or decided) stays as it is. */
export async function confirmObjection(tx: Db, objectionId: string): Promise<void> {
  await tx
    .getRepository(ObjectionEntity)
    .update({ id: objectionId, status: 'unconfirmed' }, { status: 'open', confirmedAt: () => 'now()' });
}

/** One count of recent objections: how many, and when the oldest of them was filed. */
export interface RecentCount {
  count: number;
  oldest: Date | null;
}

/**
 * Objections filed recently from this client address, with this e-mail (in any letter case) and against this entry,
 * each within its own window: the evidence of the filing limits.
 */
export async function recentObjections(
  tx: Db,
  filing: { clientAddress: string; contactEmail: string; entryId: string },
  windowMinutes: { client: number; email: number; entry: number },
): Promise<{ client: RecentCount; email: RecentCount; entry: RecentCount }> {
  const recent = async (match: string, value: string, minutes: number) => {
    const [row] = await tx.query<RecentCount[]>(
      `SELECT count(*)::int AS count, min(filed_at) AS oldest FROM objections
        WHERE ${match} AND filed_at > now() - make_interval(mins => $2)`,
      [value, minutes],
    );
    return row;
  };
  return {
    client: await recent('client_address = $1', filing.clientAddress, windowMinutes.client),
    email: await recent('lower(contact_email) = lower($1)', filing.contactEmail, windowMinutes.email),
    entry: await recent('entry_id = $1', filing.entryId, windowMinutes.entry),
  };
}

export async function recordObjectionResolution(
  tx: Db,
  objectionId: string,
  resolution: Pick<ObjectionEntity, 'status' | 'resolutionReason' | 'resolvedBy' | 'resolvedAt'>,
): Promise<void> {
  await tx.getRepository(ObjectionEntity).update({ id: objectionId }, resolution);
}

/** Entry ids and resolution reasons of the cycle's upheld objections, in the order resolved. */
export function upheldObjections(db: Db, cycleId: string): Promise<{ entry_id: string; resolution_reason: string }[]> {
  return db.query<{ entry_id: string; resolution_reason: string }[]>(
    `SELECT entry_id, resolution_reason FROM objections WHERE cycle_id = $1 AND status = 'upheld' ORDER BY resolved_at`,
    [cycleId],
  );
}

/** Records the cycle's open objections as unresolved (the window closed before an admin decided). */
export async function lapseOpenObjections(db: Db, cycleId: string): Promise<void> {
  await db.query(
    `UPDATE objections SET status = 'unresolved', resolved_at = now(),
            resolution_reason = 'The objection window closed before an admin decided.'
      WHERE cycle_id = $1 AND status = 'open'`,
    [cycleId],
  );
}

/** Ids of the cycle's unresolved objections, in the order filed. */
export async function unresolvedObjectionIds(db: Db, cycleId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM objections WHERE cycle_id = $1 AND status = 'unresolved' ORDER BY filed_at`,
    [cycleId],
  );
  return rows.map((row) => row.id);
}
