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

/** A message exactly as the sink received it (RFC 5322), or null when there is no such message. */
export async function sinkMessageRaw(db: Db, id: string): Promise<string | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const row = await db
    .getRepository(MailSinkMessageEntity)
    .createQueryBuilder('message')
    .select('message.raw', 'raw')
    .where('message.id = :id', { id })
    .getRawOne<{ raw: string }>();
  return row?.raw ?? null;
}
