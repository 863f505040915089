import { In, IsNull } from 'typeorm';
import { NoticeEntity } from '../entities';
import type { Db } from '../shared/db';

/** A notice as first written: its key and recipient make a second write of the same notice a no-op. */
export type NewNoticeRow = Pick<
  NoticeEntity,
  'key' | 'kind' | 'agencyCode' | 'recipientEmail' | 'userId' | 'language' | 'attachment' | 'subject' | 'body'
>;

/** Whose inbox: an agency's, or one person's. */
export type InboxOwner = { agencyCode?: string } | { userId: string };

/** Writes the notices that are not there yet; those already written stay as they are. */
export async function insertNewNotices(tx: Db, rows: NewNoticeRow[]): Promise<void> {
  await tx.createQueryBuilder().insert().into(NoticeEntity).values(rows).orIgnore().execute();
}

export function noticesKeyed(db: Db, keys: string[]): Promise<NoticeEntity[]> {
  return db.getRepository(NoticeEntity).findBy({ key: In(keys) });
}

export function noticeById(db: Db, id: string): Promise<NoticeEntity | null> {
  return db.getRepository(NoticeEntity).findOneBy({ id });
}

/** The notice, or TypeORM's EntityNotFoundError (for a delivery, whose notice always exists). */
export function noticeOrFail(db: Db, id: string): Promise<NoticeEntity> {
  return db.getRepository(NoticeEntity).findOneByOrFail({ id });
}

export function noticesByIds(db: Db, ids: string[]): Promise<NoticeEntity[]> {
  return db.getRepository(NoticeEntity).findBy({ id: In(ids) });
}

/** The latest 200 notices of an inbox, newest first. */
export function inboxNotices(db: Db, owner: InboxOwner): Promise<NoticeEntity[]> {
  return db.getRepository(NoticeEntity).find({ where: owner, order: { createdAt: 'DESC', id: 'DESC' }, take: 200 });
}

export function unreadNoticeCount(db: Db, owner: InboxOwner): Promise<number> {
  return db.getRepository(NoticeEntity).countBy({ ...owner, readAt: IsNull() });
}

export function inboxNotice(db: Db, owner: InboxOwner, id: string): Promise<NoticeEntity | null> {
  return db.getRepository(NoticeEntity).findOneBy({ id, ...owner });
}

export async function markNoticeRead(db: Db, id: string, at: Date): Promise<void> {
  await db.getRepository(NoticeEntity).update({ id }, { readAt: at });
}
