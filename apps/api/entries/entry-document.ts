import {
  acrossYearsRefusal,
  acrossYearsRule,
  acrossYearsRuleApplies,
  DomainError,
  eligibilityIssues,
  ErrorCode,
  type EntryDocument,
  type FieldIssue,
  type StageParams,
} from '../../../libs/domain';
import { existingCycle } from '../../../libs/persistence/cycles';
import { earlierAchievements, entryById, entryNotWithdrawn } from '../../../libs/persistence/entries';
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

/** How far back the walk along continuesEntryId goes, as the lineage's (a hand-edited loop cannot make it endless). */
const MAX_LINKS = 200;

/**
 * The template's rules; for a replication an original that exists, is another agency's, and is not withdrawn; for
 * an innovation entered again, its earlier entry (continuationIssues) and, where the template says so, what the
 * innovation achieved in earlier years (acrossYearsCheck). `linkedBefore` is the entry's continuesEntryId as stored,
 * for an edit: the achievements are checked when a link is declared (at registration, or by an edit that sets or
 * changes it), so an edit of other fields is not refused for a result announced or corrected since.
 */
export async function checkEligible(
  tx: Db,
  cycle: CycleEntity,
  submission: CycleStageEntity,
  groupKey: string,
  document: EntryDocument,
  agencyCode: string,
  linkedBefore?: string | null,
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
    const linkIssues = await continuationIssues(tx, cycle, document.continuesEntryId, agencyCode);
    issues.push(...linkIssues);
    // A refusal no edit of the document can mend comes first, so the agency does not fix the rest in vain.
    if (linkIssues.length === 0 && document.continuesEntryId !== linkedBefore) {
      await acrossYearsCheck(tx, cycle, params, document.continuesEntryId);
    }
  }
  if (issues.length > 0) throw ineligible(issues);
}

/**
 * Eligibility across years (the submission stage's refuseEarlierTopTierWinners and maxEarlierFinalistTimes): the
 * innovation's entries in earlier years, by their results in their cycles' announced decisions in force. The refusal
 * names each earlier entry it rests on in the message, in `details` and in `earlierEntries`.
 */
async function acrossYearsCheck(tx: Db, cycle: CycleEntity, params: StageParams, earlierId: string): Promise<void> {
  const rule = acrossYearsRule(params);
  if (!acrossYearsRuleApplies(rule)) return;
  const refusal = acrossYearsRefusal(rule, await earlierAchievements(tx, earlierId, cycle.year, MAX_LINKS));
  if (!refusal) return;
  throw new DomainError(ErrorCode.RegistrationNotEligible, refusal.message, refusal.details, {
    earlierEntries: refusal.earlierEntries,
  });
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
