import { In, type DataSource } from 'typeorm';
import {
  deskAssignedNotice,
  deskReassignedNotice,
  deskReminderNotice,
  evaluatorInvitedNotice,
  formatInZone,
  nominationGainedNotice,
  nominationLostNotice,
  objectionResolvedNotice,
  objectionUnresolvedNotice,
  type Language,
  type Zone,
} from '../../libs/domain';
import { AgencyEntity, CycleStageEntity, EntryEntity, ObjectionEntity } from '../../libs/persistence';
import type { NoticeDraft } from './notice-drafts';

export type DeskNoticeEvent =
  | { kind: 'evaluator-invited'; cycleId: string; userIds: string[] }
  | { kind: 'desk-assigned'; cycleId: string; stageKey: string }
  | { kind: 'desk-reminder'; cycleId: string; stageKey: string; hoursBefore: number }
  | { kind: 'desk-reassigned'; cycleId: string; stageKey: string; assignmentIds: string[] }
  | { kind: 'objection-resolved'; cycleId: string; objectionId: string; entered: string[]; left: string[] }
  | { kind: 'objections-unresolved'; cycleId: string; objectionIds: string[] };

interface EvaluatorRow {
  user_id: string;
  email: string;
  language: Language;
  zone: Zone;
  affiliations: string[];
  entries: number;
}

/** The cycle's evaluators as recipients, with how many entries each has (unscored only, when asked). */
async function evaluators(dataSource: DataSource, cycleId: string, stageKey: string | null, unscoredOnly = false) {
  return dataSource.query<EvaluatorRow[]>(
    `SELECT ce.user_id, u.email, ce.language, ce.zone, ce.affiliations,
            (SELECT count(*)::int FROM desk_assignments d JOIN entries e ON e.id = d.entry_id AND e.status = 'active'
              WHERE d.cycle_id = ce.cycle_id AND d.stage_key = $2 AND d.user_id = ce.user_id AND d.ended_at IS NULL
                AND (NOT $3 OR NOT EXISTS (SELECT 1 FROM desk_scores s WHERE s.entry_id = d.entry_id
                                              AND s.stage_key = d.stage_key AND s.user_id = d.user_id))) AS entries
       FROM cycle_evaluators ce JOIN users u ON u.id = ce.user_id
      WHERE ce.cycle_id = $1 ORDER BY ce.user_id`,
    [cycleId, stageKey, unscoredOnly],
  );
}

/** The entries of these ids; none for none (an empty `findBy` list would mean no condition at all). */
const entriesNamed = (dataSource: DataSource, ids: string[]) =>
  ids.length === 0 ? Promise.resolve([]) : dataSource.getRepository(EntryEntity).findBy({ id: In(ids) });

const person = (row: EvaluatorRow) => ({ person: { email: row.email, language: row.language, userId: row.user_id } });

/** Notices of desk evaluation and of uji publik: to evaluators, objectors, and the agencies concerned. */
export async function deskNoticeDrafts(dataSource: DataSource, event: DeskNoticeEvent): Promise<NoticeDraft[]> {
  switch (event.kind) {
    case 'evaluator-invited': {
      const rows = (await evaluators(dataSource, event.cycleId, null)).filter((row) =>
        event.userIds.includes(row.user_id),
      );
      return rows.map((row) => ({
        kind: event.kind,
        key: `${event.cycleId}/evaluator-invited/${row.user_id}`,
        recipient: person(row),
        text: evaluatorInvitedNotice(row.language, { cycleId: event.cycleId, affiliations: row.affiliations }),
      }));
    }
    case 'desk-assigned':
    case 'desk-reminder': {
      const stage = await dataSource
        .getRepository(CycleStageEntity)
        .findOneByOrFail({ cycleId: event.cycleId, key: event.stageKey });
      const reminder = event.kind === 'desk-reminder';
      let rows = await evaluators(dataSource, event.cycleId, event.stageKey, reminder);
      if (reminder) {
        const reminded = await dataSource.query<{ user_id: string }[]>(
          `SELECT user_id FROM desk_reminders WHERE cycle_id = $1 AND stage_key = $2 AND hours_before = $3`,
          [event.cycleId, event.stageKey, event.hoursBefore],
        );
        const ids = new Set(reminded.map((row) => row.user_id));
        rows = rows.filter((row) => ids.has(row.user_id));
      }
      return rows
        .filter((row) => row.entries > 0 || reminder)
        .map((row) => {
          const facts = {
            cycleId: event.cycleId,
            stageName: stage.name,
            closesAtLocal: formatInZone(stage.closesAt, row.zone),
          };
          return {
            kind: event.kind,
            key: reminder
              ? `${event.cycleId}/desk-reminder/${event.stageKey}/${event.hoursBefore}h/${row.user_id}`
              : `${event.cycleId}/desk-assigned/${event.stageKey}/${row.user_id}`,
            recipient: person(row),
            text: reminder
              ? deskReminderNotice(row.language, { ...facts, missing: Math.max(row.entries, 1) })
              : deskAssignedNotice(row.language, { ...facts, entries: row.entries }),
          };
        });
    }
    case 'desk-reassigned': {
      const rows = await dataSource.query<
        (EvaluatorRow & { assignment_id: string; title: string; due_at: Date | null; closes_at: Date })[]
      >(
        `SELECT d.id AS assignment_id, d.user_id, u.email, ce.language, ce.zone, e.title, d.due_at, s.closes_at
           FROM desk_assignments d JOIN users u ON u.id = d.user_id JOIN entries e ON e.id = d.entry_id
           JOIN cycle_evaluators ce ON ce.cycle_id = d.cycle_id AND ce.user_id = d.user_id
           JOIN cycle_stages s ON s.cycle_id = d.cycle_id AND s.key = d.stage_key
          WHERE d.id = ANY($1::bigint[]) ORDER BY d.id`,
        [event.assignmentIds],
      );
      return rows.map((row) => ({
        kind: event.kind,
        key: `${event.cycleId}/desk-reassigned/${row.assignment_id}`,
        recipient: person(row),
        text: deskReassignedNotice(row.language, {
          cycleId: event.cycleId,
          title: row.title,
          dueLocal: formatInZone(row.due_at ?? row.closes_at, row.zone),
        }),
      }));
    }
    case 'objections-unresolved': {
      const objections =
        event.objectionIds.length === 0
          ? []
          : await dataSource.getRepository(ObjectionEntity).findBy({ id: In(event.objectionIds) });
      const titles = new Map(
        (await entriesNamed(dataSource, [...new Set(objections.map((objection) => objection.entryId))])).map(
          (entry) => [entry.id, entry.title],
        ),
      );
      return objections.map((objection) => ({
        kind: event.kind,
        key: `${event.cycleId}/objection/${objection.id}`,
        recipient: { person: { email: objection.contactEmail, language: objection.language, userId: null } },
        text: objectionUnresolvedNotice(objection.language, {
          cycleId: event.cycleId,
          title: titles.get(objection.entryId) ?? '',
        }),
      }));
    }
    case 'objection-resolved': {
      const objection = await dataSource.getRepository(ObjectionEntity).findOneByOrFail({ id: event.objectionId });
      const upheld = objection.status === 'upheld';
      const entry = await dataSource.getRepository(EntryEntity).findOneByOrFail({ id: objection.entryId });
      const agency = await dataSource.getRepository(AgencyEntity).findOneByOrFail({ code: entry.agencyCode });
      const facts = { cycleId: event.cycleId, title: entry.title, upheld, reason: objection.resolutionReason ?? '' };
      const key = `${event.cycleId}/objection/${objection.id}`;
      const drafts: NoticeDraft[] = [
        {
          kind: event.kind,
          key,
          recipient: { person: { email: objection.contactEmail, language: objection.language, userId: null } },
          text: objectionResolvedNotice(objection.language, { ...facts, audience: 'objector' }),
        },
        {
          kind: event.kind,
          key,
          recipient: { agency },
          text: objectionResolvedNotice(agency.language, { ...facts, audience: 'agency' }),
        },
      ];
      for (const entered of await entriesNamed(dataSource, event.entered)) {
        const enteredAgency = await dataSource
          .getRepository(AgencyEntity)
          .findOneByOrFail({ code: entered.agencyCode });
        drafts.push({
          kind: event.kind,
          key: `${key}/entered/${entered.id}`,
          recipient: { agency: enteredAgency },
          text: nominationGainedNotice(enteredAgency.language, { cycleId: event.cycleId, title: entered.title }),
        });
      }
      const selection = await dataSource.query<{ entry_id: string; explanation: string }[]>(
        `SELECT o.entry_id, o.explanation FROM selection_outcomes o
          WHERE o.entry_id = ANY($1::uuid[])
            AND o.selection_id = (SELECT max(s.id) FROM selections s WHERE s.cycle_id = $2)`,
        [event.left, event.cycleId],
      );
      const why = new Map(selection.map((row) => [row.entry_id, row.explanation]));
      for (const left of await entriesNamed(dataSource, event.left)) {
        const leftAgency = await dataSource.getRepository(AgencyEntity).findOneByOrFail({ code: left.agencyCode });
        drafts.push({
          kind: event.kind,
          key: `${key}/left/${left.id}`,
          recipient: { agency: leftAgency },
          text: nominationLostNotice(leftAgency.language, {
            cycleId: event.cycleId,
            title: left.title,
            explanation: why.get(left.id) ?? '',
          }),
        });
      }
      return drafts;
    }
  }
}
