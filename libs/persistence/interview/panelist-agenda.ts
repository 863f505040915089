import type { Zone } from '../../domain';
import type { Db } from '../shared';

/** One interview on a panel the panelist sits on, in an open interview stage. */
export interface PanelistAgendaRow {
  cycleId: string;
  programme: string;
  year: number;
  stageKey: string;
  stageName: string;
  entryId: string;
  title: string;
  group: string;
  agencyName: string;
  agencyZone: Zone;
  panelKey: string;
  panelName: string;
  meetingUrl: string;
  startsAt: Date;
  endsAt: Date;
  attendance: 'present' | 'absent' | 'no-show' | null;
  /** When this panelist last saved a score sheet for the interview; null before they have. */
  scoredAt: Date | null;
}

/** A panelist's interviews: every live booking on their panels in open interview stages, earliest first. */
export function panelistAgenda(db: Db, userId: string): Promise<PanelistAgendaRow[]> {
  return db.query<PanelistAgendaRow[]>(
    `SELECT b.cycle_id AS "cycleId", c.programme, c.year, b.stage_key AS "stageKey", st.name AS "stageName",
            e.id AS "entryId", e.title, e.group_key AS "group", a.name AS "agencyName", a.zone AS "agencyZone",
            s.panel_key AS "panelKey", p.name AS "panelName", s.meeting_url AS "meetingUrl",
            s.starts_at AS "startsAt", s.ends_at AS "endsAt", b.attendance, mine.submitted_at AS "scoredAt"
       FROM interview_panelists ip
       JOIN interview_slots s ON s.cycle_id = ip.cycle_id AND s.stage_key = ip.stage_key AND s.panel_key = ip.panel_key
       JOIN interview_bookings b ON b.slot_id = s.id AND b.released_at IS NULL
       JOIN interview_panels p ON p.cycle_id = s.cycle_id AND p.stage_key = s.stage_key AND p.panel_key = s.panel_key
       JOIN cycle_stages st ON st.cycle_id = b.cycle_id AND st.key = b.stage_key AND st.status = 'open'
       JOIN cycles c ON c.id = b.cycle_id
       JOIN entries e ON e.id = b.entry_id
       JOIN agencies a ON a.code = e.agency_code
       LEFT JOIN LATERAL (
             SELECT x.submitted_at FROM interview_scores x
              WHERE x.entry_id = b.entry_id AND x.stage_key = b.stage_key AND x.user_id = ip.user_id
              ORDER BY x.version DESC LIMIT 1) mine ON true
      WHERE ip.user_id = $1
      ORDER BY s.starts_at, s.panel_key`,
    [userId],
  );
}
