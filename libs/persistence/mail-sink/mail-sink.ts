import { MailSinkMessageEntity } from '../entities';
import type { Db } from '../shared/db';

export type SinkMessageRow = Omit<MailSinkMessageEntity, 'id'>;

export async function storeSinkMessage(db: Db, message: SinkMessageRow): Promise<void> {
  await db.getRepository(MailSinkMessageEntity).insert(message);
}

/** The latest 200 messages the sink accepted, newest first; with `to`, only those to that address. */
export function latestSinkMessages(db: Db, to?: string): Promise<MailSinkMessageEntity[]> {
  const builder = db
    .getRepository(MailSinkMessageEntity)
    .createQueryBuilder('message')
    .orderBy('message.id', 'DESC')
    .take(200);
  if (to) builder.where(':to = ANY(message.envelopeTo)', { to });
  return builder.getMany();
}
