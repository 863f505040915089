import { DomainError, eligibilityIssues, ErrorCode, type EntryDocument, type FieldIssue } from '../../../libs/domain';
import { existingCycle } from '../../../libs/persistence/cycles';
import { entryById, entryNotWithdrawn } from '../../../libs/persistence/entries';
import type {
  CycleEntity,
  CycleStageEntity,
  EntryEntity,
  EntryStageEventEntity,
  ScreeningDecisionEntity,
} from '../../../libs/persistence/entities';
import type { Db } from '../../../libs/persistence/shared';

/** An entry's document and eligibility, shared by registration and edits, and how the API shows an entry. */

function ineligible(issues: FieldIssue[]): DomainError {
  return new DomainError(
    ErrorCode.RegistrationIneligible,
    `The entry does not meet the rules: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`,
    issues,
  );
}

/**
 * The template's rules; for a replication an original that exists, is another agency's, and is not withdrawn; for
 * an innovation entered again, its earlier entry (continuationIssues).
 */
export async function checkEligible(
  tx: Db,
  cycle: CycleEntity,
  submission: CycleStageEntity,
  groupKey: string,
  document: EntryDocument,
  agencyCode: string,
): Promise<void> {
  const group = cycle.resolvedTemplate.groups.find((candidate) => candidate.key === groupKey)!;
  const params = cycle.resolvedTemplate.stages.find((stage) => stage.key === submission.key)!.params;
  const issues = eligibilityIssues(params, group, document, submission.closesAt);
  if (document.replicatesEntryId && issues.every((issue) => issue.path !== 'replicatesEntryId')) {
    const original = await entryNotWithdrawn(tx, document.replicatesEntryId);
    if (!original) {
      issues.push({ path: 'replicatesEntryId', message: 'names no registered innovation' });
    } else if (original.agencyCode === agencyCode) {
      issues.push({ path: 'replicatesEntryId', message: 'a replication copies another agency’s innovation' });
    }
  }
  if (document.continuesEntryId) {
    issues.push(...(await continuationIssues(tx, cycle, document.continuesEntryId, agencyCode)));
  }
  if (issues.length > 0) throw ineligible(issues);
}

/**
 * An agency entering its innovation again names its own entry of it in an earlier cycle (a lower year, any
 * programme), one that was not withdrawn. Years only go down along these links, so they never loop. An entry may
 * both continue and replicate: a replication entered again the next year continues its own earlier entry and still
 * names the original it copies.
 */
async function continuationIssues(
  tx: Db,
  cycle: CycleEntity,
  earlierId: string,
  agencyCode: string,
): Promise<FieldIssue[]> {
  const path = 'continuesEntryId';
  const earlier = await entryById(tx, earlierId);
  if (!earlier) {
    return [
      { path, message: 'names no registered entry: give the id of your entry of this innovation in an earlier cycle' },
    ];
  }
  if (earlier.agencyCode !== agencyCode) {
    return [
      {
        path,
        message: 'names another agency’s entry: continue your own agency’s entry, or name theirs in replicatesEntryId',
      },
    ];
  }
  if (earlier.status === 'withdrawn') {
    return [{ path, message: 'names an entry that was withdrawn: give an entry that took part in its cycle' }];
  }
  const earlierCycle = await existingCycle(tx, earlier.cycleId);
  if (earlierCycle.year >= cycle.year) {
    return [
      {
        path,
        message: `names an entry of ${earlierCycle.id} (${earlierCycle.year}): give your entry from a cycle before ${cycle.year}`,
      },
    ];
  }
  return [];
}

export function documentOf(source: {
  title?: string;
  summary?: string;
  launchDate?: string | null;
  evidenceLinks?: string[];
  replicatesEntryId?: string | null;
  continuesEntryId?: string | null;
}): EntryDocument {
  return {
    title: (source.title ?? '').trim(),
    summary: (source.summary ?? '').trim(),
    launchDate: source.launchDate ?? '',
    evidenceLinks: source.evidenceLinks ?? [],
    replicatesEntryId: source.replicatesEntryId ?? null,
    continuesEntryId: source.continuesEntryId ?? null,
  };
}

/** An entry as the API shows it. */
export function present(
  entry: EntryEntity,
  events: EntryStageEventEntity[],
  screening: ScreeningDecisionEntity | null,
) {
  return {
    id: entry.id,
    cycleId: entry.cycleId,
    agencyCode: entry.agencyCode,
    title: entry.title,
    summary: entry.summary,
    launchDate: entry.launchDate,
    evidenceLinks: entry.evidenceLinks,
    replicatesEntryId: entry.replicatesEntryId,
    continuesEntryId: entry.continuesEntryId,
    group: entry.groupKey,
    cluster: entry.cluster,
    status: entry.status,
    currentStage: entry.currentStage,
    workflowId: entry.workflowId,
    registeredAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    withdrawnAt: entry.withdrawnAt,
    screening: screening
      ? {
          outcome: screening.outcome,
          reason: screening.reason,
          decidedBy: screening.decidedBy,
          decidedAt: screening.decidedAt,
        }
      : null,
    stageHistory: events.map((event) => ({
      stage: event.stageKey,
      kind: event.kind,
      outcome: event.outcome,
      reason: event.reason,
      at: event.occurredAt,
    })),
  };
}
