import {
  resultAnnouncedNotice,
  resultCorrectedNotice,
  type DecisionEntry,
  type DecisionGroup,
  type OwnResult,
} from '../../libs/domain';
import { agenciesByCode } from '../../libs/persistence/agencies/agencies';
import { allDecisions, entriesToTellOfResults } from '../../libs/persistence/plenary';
import type { Db } from '../../libs/persistence/shared/db';
import type { NoticeDraft } from './notice-drafts';

/** The announcement (every agency with an entry in the cycle) and a correction (agencies whose entry changed). */
export type ResultNoticeEvent =
  | { kind: 'results-announced'; cycleId: string; decisionNumber: string }
  | { kind: 'results-corrected'; cycleId: string; decisionNumber: string };

/** One notice per entry and decision, keyed by both: announcing or correcting again writes nothing new. */
export async function resultNoticeDrafts(db: Db, event: ResultNoticeEvent): Promise<NoticeDraft[]> {
  const decisions = await allDecisions(db, event.cycleId);
  const index = decisions.findIndex((stored) => stored.decisionNumber === event.decisionNumber);
  if (index < 0) return [];
  const { decision } = decisions[index];
  const placed = new Map<string, { group: DecisionGroup; entry: DecisionEntry }>();
  for (const group of decision.groups) for (const entry of group.entries) placed.set(entry.entryId, { group, entry });
  const resultsUrl = `/cycles/${event.cycleId}/results`;

  const entries = await entriesToTellOfResults(db, event.cycleId);
  const told =
    event.kind === 'results-announced'
      ? entries
      : entries.filter((entry) => decision.corrections.some((c) => c.entryId === entry.id));
  const agencies = await agenciesByCode(db, [...new Set(told.map((entry) => entry.agency_code))]);

  return told.map((entry): NoticeDraft => {
    const agency = agencies.get(entry.agency_code)!;
    const at = placed.get(entry.id);
    const result = at ? ownResult(at.group, at.entry) : null;
    const key = `${event.cycleId}/result/${decision.decisionNumber}/${entry.id}`;
    const common = { cycleId: event.cycleId, title: entry.title, decisionNumber: decision.decisionNumber, resultsUrl };
    if (event.kind === 'results-announced') {
      return {
        kind: event.kind,
        key,
        recipient: { agency },
        text: resultAnnouncedNotice(agency.language, { ...common, result }),
      };
    }
    const correction = decision.corrections.find((c) => c.entryId === entry.id)!;
    return {
      kind: event.kind,
      key,
      recipient: { agency },
      text: resultCorrectedNotice(agency.language, {
        ...common,
        supersedes: decision.supersedes!,
        reason: decision.reason!,
        from: correction.from,
        result: result!,
      }),
    };
  });
}

function ownResult(group: DecisionGroup, entry: DecisionEntry): OwnResult {
  const ranked = group.entries.filter((candidate) => candidate.rank !== null).length;
  return {
    status: entry.status,
    rank:
      entry.rank === null ? null : { rank: entry.rank, of: ranked, cluster: group.clusterName, group: group.groupName },
    scores: {
      desk: entry.desk,
      interview: entry.interview,
      fieldVerification: entry.fieldVerification,
      final: entry.final,
    },
  };
}
