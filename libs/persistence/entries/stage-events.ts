import { EntryStageEventEntity, type EntryStageEventKind } from '../entities';
import type { Db } from '../shared/db';

export interface StageEventRow {
  entryId: string;
  stageKey: string;
  kind: EntryStageEventKind;
  outcome: string | null;
  reason: string | null;
  occurredAt: Date;
}

/** Records the event once: false when the same (entry, stage, kind) was already recorded. */
export async function insertStageEventOnce(tx: Db, event: StageEventRow): Promise<boolean> {
  const inserted = await tx
    .createQueryBuilder()
    .insert()
    .into(EntryStageEventEntity)
    .values(event)
    .orIgnore()
    .execute();
  return (inserted.raw as unknown[]).length > 0;
}

/** The entry's stage history, oldest first. */
export function stageHistoryOf(db: Db, entryId: string): Promise<EntryStageEventEntity[]> {
  return db.getRepository(EntryStageEventEntity).find({ where: { entryId }, order: { occurredAt: 'ASC', id: 'ASC' } });
}
