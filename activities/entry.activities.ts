import { DomainError, ErrorCode } from '../libs/domain';
import { isUniqueViolation } from '../libs/persistence';
import { existingAgency } from '../libs/persistence/agencies/agency-directory';
import { existingCycle, lockOpenSubmission } from '../libs/persistence/cycles';
import {
  existingEntry,
  insertStageEventOnce,
  markActiveEntryEnded,
  markActiveEntryWithdrawn,
  setCurrentStage,
  updateActiveEntryDocument,
} from '../libs/persistence/entries';
import type { EntryEntity } from '../libs/persistence/entities';
import { inTransaction, type Db, databaseNow } from '../libs/persistence/shared';
import type { EntryChanges, StageEvent } from '../workflows/entry.messages';
import type { AuditSubject, SealAuditTrail, SealResult } from './audit/audit.activities';
import { refusingAsFailure } from './business-failure';
import { log } from '@temporalio/activity';
import { tahapMetrics } from './metrics';

/**
 * The entry's documents and stage history in PostgreSQL; every write is keyed so a retry changes nothing twice.
 * `seal` is the audit activity's sealing (activities/audit), which a completed stage's record runs as well.
 */
export function createEntryActivities(db: Db, seal: SealAuditTrail) {
  /** Runs a change to an entry under the submission lock: refused once submission has closed or while paused. */
  const underSubmissionLock = (entryId: string, change: (tx: Db, entry: EntryEntity) => Promise<void>) =>
    refusingAsFailure(() =>
      inTransaction(db, async (tx) => {
        const entry = await existingEntry(tx, entryId);
        const cycle = await existingCycle(tx, entry.cycleId);
        const agency = await existingAgency(tx, entry.agencyCode);
        await lockOpenSubmission(tx, cycle, agency.zone);
        await change(tx, entry).catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
          throw new DomainError(ErrorCode.RegistrationDuplicate, 'This agency already has an entry with that title.');
        });
        return (await databaseNow(tx)).toISOString();
      }),
    );

  return {
    /**
     * Records a stage event once. With `sealFor` (a completed stage, since the `entry-record-seals-stage` patch) it
     * then seals the entry's audit trail as `sealAuditTrail` would, and returns the same result.
     */
    async recordEntryStageEvent(input: {
      entryId: string;
      event: StageEvent;
      sealFor?: AuditSubject;
    }): Promise<SealResult | undefined> {
      const { entryId, event } = input;
      const inserted = await inTransaction(db, async (tx) => {
        const first = await insertStageEventOnce(tx, {
          entryId,
          stageKey: event.stageKey,
          kind: event.kind,
          outcome: event.outcome ?? null,
          reason: event.reason ?? null,
          occurredAt: new Date(event.at),
        });
        if (first && event.kind === 'entered') await setCurrentStage(tx, entryId, event.stageKey);
        return first;
      });
      if (inserted) {
        tahapMetrics.stageEvent(event.stageKey, event.kind, event.outcome);
        log.info(`Entry ${event.kind} stage ${event.stageKey}${event.outcome ? ` (${event.outcome})` : ''}`, {
          stage: event.stageKey,
          kind: event.kind,
          outcome: event.outcome,
        });
      }
      return input.sealFor ? seal(input.sealFor) : undefined;
    },

    async editEntryDocument(input: { entryId: string; changes: EntryChanges; requestedBy: string }): Promise<string> {
      return underSubmissionLock(input.entryId, async (tx, entry) => {
        const { title, summary, launchDate, evidenceLinks, replicatesEntryId, continuesEntryId } = input.changes;
        await updateActiveEntryDocument(tx, entry.id, {
          ...(title !== undefined && { title }),
          ...(summary !== undefined && { summary }),
          ...(launchDate !== undefined && { launchDate }),
          ...(evidenceLinks !== undefined && { evidenceLinks }),
          ...(replicatesEntryId !== undefined && { replicatesEntryId }),
          ...(continuesEntryId !== undefined && { continuesEntryId }),
        });
      });
    },

    async withdrawEntryDocument(input: { entryId: string; reason: string; requestedBy: string }): Promise<string> {
      return underSubmissionLock(input.entryId, async (tx, entry) => {
        await markActiveEntryWithdrawn(tx, entry.id);
      });
    },

    /** `eliminated` when a stage's outcome was a fail; otherwise the cycle ran to its end. */
    async completeEntry(entryId: string, status: 'completed' | 'eliminated' = 'completed'): Promise<void> {
      await markActiveEntryEnded(db, entryId, status);
    },
  };
}

export type EntryActivities = ReturnType<typeof createEntryActivities>;
