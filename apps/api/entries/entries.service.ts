import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  canSeeEntry,
  DomainError,
  ErrorCode,
  isAgencyRole,
  type EntryDocument,
  type Principal,
} from '../../../libs/domain';
import { DB, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { existingCycle, existingStageOfType, stageOfType } from '../../../libs/persistence/cycles';
import {
  assignedUserIds,
  entryById,
  existingEntry,
  screeningDecisionOf,
  stageHistoryOf,
} from '../../../libs/persistence/entries';
import type { EntryEntity } from '../../../libs/persistence/entities';
import type { Db } from '../../../libs/persistence/shared';
import { editEntryUpdate, withdrawEntryUpdate } from '../../../workflows/entry.messages';
import { asReaderOfCycle } from '../desk/blind-review';
import type { EditEntryRequestDto } from './edit-entry.request.dto';
import { checkEligible, documentOf, present } from './entry-document';

@Injectable()
/** Reading an entry as its caller may, and the agency's edits and withdrawal (Updates on its workflow). */
export class EntriesService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  /** Edits go through the entry's workflow (an Update), whose validator and activity refuse after submission. */
  async edit(entryId: string, changes: EditEntryRequestDto, by: Principal) {
    const entry = await this.changeableEntry(entryId, by);
    const cycle = await existingCycle(this.db, entry.cycleId);
    const submission = await existingStageOfType(this.db, entry.cycleId, 'submission');
    const nulled = (['title', 'summary', 'launchDate', 'evidenceLinks'] as const).filter(
      (key) => changes[key] === null,
    );
    if (nulled.length > 0) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `${nulled.join(', ')} cannot be removed; send a new value or leave the field out.`,
        nulled.map((path) => ({ path, message: 'must not be null' })),
      );
    }
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Nothing to change: send at least one field.');
    }
    const document = documentOf({ ...documentOf(entry), ...given });
    await checkEligible(this.db, cycle, submission, entry.groupKey, document, entry.agencyCode, entry.continuesEntryId);
    const normalised = Object.fromEntries(Object.keys(given).map((key) => [key, document[key as keyof EntryDocument]]));
    await this.client.workflow
      .getHandle(entry.workflowId)
      .executeUpdate(editEntryUpdate, { args: [{ changes: normalised, requestedBy: by.userId }] });
    return this.get(entryId, by);
  }

  async withdraw(entryId: string, reason: string, by: Principal) {
    const entry = await this.changeableEntry(entryId, by);
    await this.client.workflow
      .getHandle(entry.workflowId)
      .executeUpdate(withdrawEntryUpdate, { args: [{ reason: reason.trim(), requestedBy: by.userId }] });
    return this.get(entryId, by);
  }

  /** A finished entry's workflow takes no Updates; say why instead of letting the call fail. */
  private async changeableEntry(id: string, by: Principal): Promise<EntryEntity> {
    const entry = await this.visibleEntry(id, by);
    if (entry.status !== 'active') {
      throw new DomainError(
        ErrorCode.EntryNotEditable,
        entry.status === 'withdrawn'
          ? 'The entry has been withdrawn.'
          : `The entry is ${entry.status} and can no longer be changed.`,
      );
    }
    return entry;
  }

  /** The entry if the caller may see it; "not found" otherwise, so ids of others' entries reveal nothing. */
  async visibleEntry(id: string, by: Principal): Promise<EntryEntity> {
    const entry = await entryById(this.db, id);
    const assigned =
      entry && (by.role === 'evaluator' || by.role === 'panelist') ? await assignedUserIds(this.db, id) : [];
    if (!entry || !canSeeEntry(by, entry, assigned))
      throw new DomainError(ErrorCode.EntryNotFound, `No entry "${id}".`);
    return entry;
  }

  /** `by` undefined: an internal read after an ownership check already made. */
  async get(id: string, by: Principal | undefined) {
    const entry = by ? await this.visibleEntry(id, by) : await existingEntry(this.db, id);
    const [events, decision, screeningStage] = await Promise.all([
      stageHistoryOf(this.db, id),
      screeningDecisionOf(this.db, id),
      stageOfType(this.db, entry.cycleId, 'screening'),
    ]);
    // While screening is open a decision may still change; the agency sees it once the stage has closed.
    const visible =
      decision && (!by || !isAgencyRole(by.role) || screeningStage?.status === 'closed') ? decision : null;
    const shown = present(entry, events, visible);
    return by ? this.asReader(shown, entry.cycleId, by) : shown;
  }

  /** A response about the cycle's entries as `by` may receive it: blind review hides the agency from evaluators. */
  async asReader<T>(response: T, cycleId: string, by: Principal): Promise<T> {
    if (by.role !== 'evaluator') return response;
    return asReaderOfCycle(response, by, (await existingCycle(this.db, cycleId)).resolvedTemplate);
  }
}
