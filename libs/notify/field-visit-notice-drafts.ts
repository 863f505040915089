import { formatInZone, type Zone } from '../../libs/domain';
import { fieldVisitPlannedNotice, formatDayInZone } from '../../libs/domain/notices/field-visit-notice-texts';
import { agenciesByCode } from '../../libs/persistence/agencies/agencies';
import { plannedVisitsToTell } from '../../libs/persistence/field-verification';
import type { Db } from '../../libs/persistence/shared/db';
import type { NoticeDraft } from './notice-drafts';

/** Field verification: the agency of each visited entry and both visitors hear of a planned visit. */
export type FieldVisitNoticeEvent = { kind: 'field-visit-planned'; cycleId: string; visitIds: string[] };

/**
 * One notice per visit and recipient, keyed by the visit: telling of the same visits again writes nothing new.
 * Panelists declare no language or zone (interview panels do not ask), so they read Indonesian and the stage's zone.
 */
export async function fieldVisitNoticeDrafts(db: Db, event: FieldVisitNoticeEvent): Promise<NoticeDraft[]> {
  if (event.visitIds.length === 0) return [];
  const rows = await plannedVisitsToTell(db, event.cycleId, event.visitIds);
  const agencies = await agenciesByCode(db, [...new Set(rows.map((row) => row.agency_code))]);
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
