import { In, MoreThan, Not } from 'typeorm';
import type { EntryDocument } from '../../domain';
import { EntryEntity } from '../entities';
import type { Db } from '../shared/db';

export function entryById(db: Db, entryId: string): Promise<EntryEntity | null> {
  return db.getRepository(EntryEntity).findOneBy({ id: entryId });
}

/** An entry known to exist (its workflow's, or one just checked). */
export function existingEntry(db: Db, entryId: string): Promise<EntryEntity> {
  return db.getRepository(EntryEntity).findOneByOrFail({ id: entryId });
}

/** The entry, unless it was withdrawn. */
export function entryNotWithdrawn(db: Db, entryId: string): Promise<EntryEntity | null> {
  return db.getRepository(EntryEntity).findOneBy({ id: entryId, status: Not('withdrawn') });
}

export function entryByIdempotencyKey(db: Db, agencyCode: string, key: string): Promise<EntryEntity | null> {
  return db.getRepository(EntryEntity).findOneBy({ agencyCode, idempotencyKey: key });
}

/** The next active entries of the cycle after `afterId`, by id. */
export function activeEntriesAfter(db: Db, cycleId: string, afterId: string, limit: number): Promise<EntryEntity[]> {
  return db.getRepository(EntryEntity).find({
    where: { cycleId, status: 'active', id: MoreThan(afterId) },
    order: { id: 'ASC' },
    take: limit,
  });
}

export type NewEntry = Pick<
  EntryEntity,
  | 'id'
  | 'cycleId'
  | 'agencyCode'
  | 'groupKey'
  | 'cluster'
  | 'currentStage'
  | 'workflowId'
  | 'idempotencyKey'
  | 'requestFingerprint'
> &
  EntryDocument;

/** Inserts an active entry and reads it back as stored. */
export async function insertActiveEntry(tx: Db, entry: NewEntry): Promise<EntryEntity> {
  await tx.getRepository(EntryEntity).insert({ ...entry, status: 'active' });
  return tx.getRepository(EntryEntity).findOneByOrFail({ id: entry.id });
}

export type EntryDocumentChanges = Partial<
  Pick<EntryEntity, 'title' | 'summary' | 'launchDate' | 'evidenceLinks' | 'replicatesEntryId' | 'continuesEntryId'>
>;

/** Changes the document of an entry that is still active. */
export async function updateActiveEntryDocument(tx: Db, entryId: string, changes: EntryDocumentChanges): Promise<void> {
  await tx.getRepository(EntryEntity).update({ id: entryId, status: 'active' }, changes);
}

export async function markActiveEntryWithdrawn(tx: Db, entryId: string): Promise<void> {
  await tx
    .getRepository(EntryEntity)
    .update({ id: entryId, status: 'active' }, { status: 'withdrawn', withdrawnAt: () => 'now()' });
}

/** Ends an active entry: `completed`, or `eliminated` by a stage. */
export async function markActiveEntryEnded(db: Db, entryId: string, status: 'completed' | 'eliminated'): Promise<void> {
  await db.getRepository(EntryEntity).update({ id: entryId, status: 'active' }, { status });
}

export async function setCurrentStage(tx: Db, entryId: string, stageKey: string): Promise<void> {
  await tx.getRepository(EntryEntity).update({ id: entryId }, { currentStage: stageKey });
}

/** The entries of these ids; none for none (an empty `In` list would mean no condition at all). */
export function entriesWithIds(db: Db, ids: string[]): Promise<EntryEntity[]> {
  return ids.length === 0 ? Promise.resolve([]) : db.getRepository(EntryEntity).findBy({ id: In(ids) });
}
