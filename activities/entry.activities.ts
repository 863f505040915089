import type { DataSource } from 'typeorm';
import { EntryEntity, EntryStageEventEntity } from '../libs/persistence';
import type { StageEvent } from '../workflows/entry.messages';

/** The entry's stage history in PostgreSQL, written once per (entry, stage, kind) however often it is retried. */
export function createEntryActivities(dataSource: DataSource) {
  return {
    async recordEntryStageEvent(input: { entryId: string; event: StageEvent }): Promise<void> {
      const { entryId, event } = input;
      await dataSource.transaction(async (tx) => {
        const inserted = await tx
          .createQueryBuilder()
          .insert()
          .into(EntryStageEventEntity)
          .values({
            entryId,
            stageKey: event.stageKey,
            kind: event.kind,
            outcome: event.outcome ?? null,
            occurredAt: new Date(event.at),
          })
          .orIgnore()
          .execute();
        if ((inserted.raw as unknown[]).length > 0 && event.kind === 'entered') {
          await tx.getRepository(EntryEntity).update({ id: entryId }, { currentStage: event.stageKey });
        }
      });
    },

    async completeEntry(entryId: string): Promise<void> {
      await dataSource.getRepository(EntryEntity).update({ id: entryId, status: 'active' }, { status: 'completed' });
    },
  };
}

export type EntryActivities = ReturnType<typeof createEntryActivities>;
