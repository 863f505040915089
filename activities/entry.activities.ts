import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../libs/domain';
import {
  AgencyEntity,
  CycleEntity,
  EntryEntity,
  EntryStageEventEntity,
  isUniqueViolation,
  lockOpenSubmission,
} from '../libs/persistence';
import type { EntryChanges, StageEvent } from '../workflows/entry.messages';
import { refusingAsFailure } from './business-failure';

/** The entry's documents and stage history in PostgreSQL; every write is keyed so a retry changes nothing twice. */
export function createEntryActivities(dataSource: DataSource) {
  /** Runs a change to an entry under the submission lock: refused once submission has closed or while paused. */
  const underSubmissionLock = (entryId: string, change: (tx: EntityManager, entry: EntryEntity) => Promise<void>) =>
    refusingAsFailure(() =>
      dataSource.transaction(async (tx) => {
        const entry = await tx.getRepository(EntryEntity).findOneByOrFail({ id: entryId });
        const cycle = await tx.getRepository(CycleEntity).findOneByOrFail({ id: entry.cycleId });
        const agency = await tx.getRepository(AgencyEntity).findOneByOrFail({ code: entry.agencyCode });
        await lockOpenSubmission(tx, cycle, agency.zone);
        await change(tx, entry).catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
          throw new DomainError(ErrorCode.RegistrationDuplicate, 'This agency already has an entry with that title.');
        });
        const [{ now }] = await tx.query<{ now: Date }[]>('SELECT now() AS now');
        return now.toISOString();
      }),
    );

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
            reason: event.reason ?? null,
            occurredAt: new Date(event.at),
          })
          .orIgnore()
          .execute();
        if ((inserted.raw as unknown[]).length > 0 && event.kind === 'entered') {
          await tx.getRepository(EntryEntity).update({ id: entryId }, { currentStage: event.stageKey });
        }
      });
    },

    async editEntryDocument(input: { entryId: string; changes: EntryChanges; requestedBy: string }): Promise<string> {
      return underSubmissionLock(input.entryId, async (tx, entry) => {
        const { title, summary, launchDate, evidenceLinks, replicatesEntryId, continuesEntryId } = input.changes;
        await tx.getRepository(EntryEntity).update(
          { id: entry.id, status: 'active' },
          {
            ...(title !== undefined && { title }),
            ...(summary !== undefined && { summary }),
            ...(launchDate !== undefined && { launchDate }),
            ...(evidenceLinks !== undefined && { evidenceLinks }),
            ...(replicatesEntryId !== undefined && { replicatesEntryId }),
            ...(continuesEntryId !== undefined && { continuesEntryId }),
          },
        );
      });
    },

    async withdrawEntryDocument(input: { entryId: string; reason: string; requestedBy: string }): Promise<string> {
      return underSubmissionLock(input.entryId, async (tx, entry) => {
        await tx
          .getRepository(EntryEntity)
          .update({ id: entry.id, status: 'active' }, { status: 'withdrawn', withdrawnAt: () => 'now()' });
      });
    },

    /** `eliminated` when a stage's outcome was a fail; otherwise the cycle ran to its end. */
    async completeEntry(entryId: string, status: 'completed' | 'eliminated' = 'completed'): Promise<void> {
      await dataSource.getRepository(EntryEntity).update({ id: entryId, status: 'active' }, { status });
    },
  };
}

export type EntryActivities = ReturnType<typeof createEntryActivities>;
