import type { DataSource } from 'typeorm';
import {
  deskAssignedNotice,
  deskReminderNotice,
  evaluatorInvitedNotice,
  formatInZone,
  nominationGainedNotice,
  objectionResolvedNotice,
  type Language,
  type Zone,
} from '../../libs/domain';
import { AgencyEntity, CycleStageEntity, EntryEntity, ObjectionEntity } from '../../libs/persistence';
import type { NoticeDraft } from './notice-drafts';

export type DeskNoticeEvent =
  | { kind: 'evaluator-invited'; cycleId: string; userIds: string[] }
  | { kind: 'desk-assigned'; cycleId: string; stageKey: string }
  | { kind: 'desk-reminder'; cycleId: string; stageKey: string; hoursBefore: number }
  | { kind: 'objection-resolved'; cycleId: string; objectionId: string; entered: string[] };

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
      for (const entered of await dataSource.getRepository(EntryEntity).findBy(event.entered.map((id) => ({ id })))) {
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
      return drafts;
    }
  }
}
