import { In, type DataSource } from 'typeorm';
import {
  resultAnnouncedNotice,
  resultCorrectedNotice,
  type DecisionEntry,
  type DecisionGroup,
  type OwnResult,
} from '../../libs/domain';
import { AgencyEntity } from '../../libs/persistence';
import { allDecisions } from '../plenary/decision-store';
import type { NoticeDraft } from './notice-drafts';

/** The announcement (every agency with an entry in the cycle) and a correction (agencies whose entry changed). */
export type ResultNoticeEvent =
  | { kind: 'results-announced'; cycleId: string; decisionNumber: string }
  | { kind: 'results-corrected'; cycleId: string; decisionNumber: string };

/** One notice per entry and decision, keyed by both: announcing or correcting again writes nothing new. */
export async function resultNoticeDrafts(dataSource: DataSource, event: ResultNoticeEvent): Promise<NoticeDraft[]> {
  const decisions = await allDecisions(dataSource, event.cycleId);
  const index = decisions.findIndex((stored) => stored.decisionNumber === event.decisionNumber);
  if (index < 0) return [];
  const { decision } = decisions[index];
  const placed = new Map<string, { group: DecisionGroup; entry: DecisionEntry }>();
  for (const group of decision.groups) for (const entry of group.entries) placed.set(entry.entryId, { group, entry });
  const resultsUrl = `/cycles/${event.cycleId}/results`;

  const entries = await dataSource.query<{ id: string; title: string; agency_code: string }[]>(
    `SELECT id, title, agency_code FROM entries WHERE cycle_id = $1 AND status <> 'withdrawn' ORDER BY id`,
    [event.cycleId],
  );
  const told =
    event.kind === 'results-announced'
      ? entries
      : entries.filter((entry) => decision.corrections.some((c) => c.entryId === entry.id));
  const codes = [...new Set(told.map((entry) => entry.agency_code))];
  const found = codes.length === 0 ? [] : await dataSource.getRepository(AgencyEntity).findBy({ code: In(codes) });
  const agencies = new Map(found.map((agency) => [agency.code, agency]));

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
