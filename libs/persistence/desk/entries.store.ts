import { In } from 'typeorm';
import { AgencyEntity, EntryEntity } from '../entities';
import type { Db } from '../shared/db';

/** An entry (which must exist), for an engine step on it. */
export function entryOrFail(db: Db, entryId: string): Promise<EntryEntity> {
  return db.getRepository(EntryEntity).findOneByOrFail({ id: entryId });
}

/** The entries of these ids; none for none (an empty `In` list would mean no condition at all). */
export function entriesWithIds(db: Db, ids: string[]): Promise<EntryEntity[]> {
  return ids.length === 0 ? Promise.resolve([]) : db.getRepository(EntryEntity).findBy({ id: In(ids) });
}

/** An agency (which must exist), as a notice's recipient. */
export function agencyOrFail(db: Db, code: string): Promise<AgencyEntity> {
  return db.getRepository(AgencyEntity).findOneByOrFail({ code });
}
