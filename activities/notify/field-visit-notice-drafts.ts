import { In, type DataSource } from 'typeorm';
import { formatInZone, type FieldVisitMode, type Language, type Zone } from '../../libs/domain';
import { fieldVisitPlannedNotice, formatDayInZone } from '../../libs/domain/notices/field-visit-notice-texts';
import { AgencyEntity } from '../../libs/persistence';
import type { NoticeDraft } from './notice-drafts';

/** Field verification: the agency of each visited entry and both visitors hear of a planned visit. */
export type FieldVisitNoticeEvent = { kind: 'field-visit-planned'; cycleId: string; visitIds: string[] };

interface VisitRow {
  id: string;
  title: string;
  agency_code: string;
  visit_date: string;
  mode: FieldVisitMode;
  stage_zone: Zone;
  closes_at: Date;
  panelist_id: string;
  panelist_email: string;
  panelist_name: string;
  evaluator_id: string;
  evaluator_email: string;
  evaluator_name: string;
  evaluator_language: Language | null;
  evaluator_zone: Zone | null;
}

/**
 * One notice per visit and recipient, keyed by the visit: telling of the same visits again writes nothing new.
 * Panelists declare no language or zone (interview panels do not ask), so they read Indonesian and the stage's zone.
 */
export async function fieldVisitNoticeDrafts(
  dataSource: DataSource,
  event: FieldVisitNoticeEvent,
): Promise<NoticeDraft[]> {
  if (event.visitIds.length === 0) return [];
  const rows = await dataSource.query<VisitRow[]>(
    `SELECT v.id, e.title, e.agency_code, to_char(v.visit_date, 'YYYY-MM-DD') AS visit_date, v.mode,
            s.zone AS stage_zone, s.closes_at,
            p.id AS panelist_id, p.email AS panelist_email, p.display_name AS panelist_name,
            u.id AS evaluator_id, u.email AS evaluator_email, u.display_name AS evaluator_name,
            ce.language AS evaluator_language, ce.zone AS evaluator_zone
       FROM field_visits v
       JOIN entries e ON e.id = v.entry_id
       JOIN cycle_stages s ON s.cycle_id = v.cycle_id AND s.key = v.stage_key
       JOIN users p ON p.id = v.panelist_user_id
       JOIN users u ON u.id = v.evaluator_user_id
       LEFT JOIN cycle_evaluators ce ON ce.cycle_id = v.cycle_id AND ce.user_id = v.evaluator_user_id
      WHERE v.cycle_id = $1 AND v.id = ANY($2::uuid[])
      ORDER BY v.id`,
    [event.cycleId, event.visitIds],
  );
  const codes = [...new Set(rows.map((row) => row.agency_code))];
  // An empty `In` list would mean no condition at all.
  const found = codes.length === 0 ? [] : await dataSource.getRepository(AgencyEntity).findBy({ code: In(codes) });
  const agencies = new Map(found.map((agency) => [agency.code, agency]));
  return rows.flatMap((row): NoticeDraft[] => {
    const agency = agencies.get(row.agency_code)!;
    const key = `${event.cycleId}/field-visit/${row.id}`;
    const facts = (zone: Zone) => ({
      cycleId: event.cycleId,
      title: row.title,
      agencyName: agency.name,
      dayLocal: formatDayInZone(row.visit_date, row.stage_zone),
      mode: row.mode,
      panelistName: row.panelist_name,
      evaluatorName: row.evaluator_name,
      recordByLocal: formatInZone(new Date(row.closes_at), zone),
    });
    const evaluatorLanguage = row.evaluator_language ?? 'id';
    return [
      {
        kind: event.kind,
        key,
        recipient: { agency },
        text: fieldVisitPlannedNotice(agency.language, { ...facts(agency.zone), audience: 'agency' }),
      },
      {
        kind: event.kind,
        key,
        recipient: { person: { email: row.panelist_email, language: 'id', userId: row.panelist_id } },
        text: fieldVisitPlannedNotice('id', { ...facts(row.stage_zone), audience: 'panelist' }),
      },
      {
        kind: event.kind,
        key,
        recipient: { person: { email: row.evaluator_email, language: evaluatorLanguage, userId: row.evaluator_id } },
        text: fieldVisitPlannedNotice(evaluatorLanguage, {
          ...facts(row.evaluator_zone ?? row.stage_zone),
          audience: 'evaluator',
        }),
      },
    ];
  });
}
