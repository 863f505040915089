import type { InterviewPanel } from '../../domain';
import type { Db } from '../shared/db';

/** The stage's panels with their panelists, as allocation and the conflict checks see them. */
export async function schedulePanels(db: Db, cycleId: string, stageKey: string): Promise<InterviewPanel[]> {
  const rows = await db.query<
    {
      panel_key: string;
      user_id: string | null;
      affiliations: string[] | null;
      province: string | null;
      conflicts: string[];
    }[]
  >(
    `SELECT p.panel_key, pp.user_id, pp.affiliations, pp.province,
            coalesce((SELECT array_agg(c.entry_id::text) FROM evaluator_conflicts c
                       WHERE c.user_id = pp.user_id AND c.cycle_id = p.cycle_id), '{}') AS conflicts
       FROM interview_panels p
       LEFT JOIN interview_panelists pp
         ON pp.cycle_id = p.cycle_id AND pp.stage_key = p.stage_key AND pp.panel_key = p.panel_key
      WHERE p.cycle_id = $1 AND p.stage_key = $2
      ORDER BY p.panel_key, pp.user_id`,
    [cycleId, stageKey],
  );
  const panels = new Map<string, InterviewPanel>();
  for (const row of rows) {
    const panel = panels.get(row.panel_key) ?? { key: row.panel_key, panelists: [] };
    panels.set(row.panel_key, panel);
    if (row.user_id) {
      panel.panelists.push({
        id: row.user_id,
        affiliations: row.affiliations ?? [],
        province: row.province,
        declaredConflictEntryIds: row.conflicts,
      });
    }
  }
  return [...panels.values()];
}

export interface NewPanel {
  key: string;
  name: string;
  meetingUrl: string;
  panelists: { userId: string; affiliations: string[]; province: string | null }[];
}

/** Replaces the stage's panels and their panelists. */
export async function replacePanels(tx: Db, cycleId: string, stageKey: string, panels: NewPanel[]): Promise<void> {
  await tx.query(`DELETE FROM interview_panels WHERE cycle_id = $1 AND stage_key = $2`, [cycleId, stageKey]);
  for (const panel of panels) {
    await tx.query(
      `INSERT INTO interview_panels (cycle_id, stage_key, panel_key, name, meeting_url) VALUES ($1, $2, $3, $4, $5)`,
      [cycleId, stageKey, panel.key, panel.name, panel.meetingUrl],
    );
    for (const panelist of panel.panelists) {
      await tx.query(
        `INSERT INTO interview_panelists (cycle_id, stage_key, panel_key, user_id, affiliations, province)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [cycleId, stageKey, panel.key, panelist.userId, panelist.affiliations, panelist.province],
      );
    }
  }
}

export interface PanelView {
  key: string;
  name: string;
  meetingUrl: string;
  panelists: { userId: string; email: string; name: string; affiliations: string[]; province: string | null }[];
}

/** The stage's panels as the API shows them: members by e-mail, in panel order. */
export function panelsOfStage(db: Db, cycleId: string, stageKey: string): Promise<PanelView[]> {
  return db.query<PanelView[]>(
    `SELECT p.panel_key AS key, p.name, p.meeting_url AS "meetingUrl",
            coalesce(json_agg(json_build_object('userId', u.id, 'email', u.email, 'name', u.display_name,
              'affiliations', pp.affiliations, 'province', pp.province) ORDER BY u.email)
              FILTER (WHERE u.id IS NOT NULL), '[]') AS panelists
       FROM interview_panels p
       LEFT JOIN interview_panelists pp
         ON pp.cycle_id = p.cycle_id AND pp.stage_key = p.stage_key AND pp.panel_key = p.panel_key
       LEFT JOIN users u ON u.id = pp.user_id
      WHERE p.cycle_id = $1 AND p.stage_key = $2
      GROUP BY p.panel_key, p.name, p.meeting_url ORDER BY p.panel_key::int`,
    [cycleId, stageKey],
  );
}

/** The keys of the stage's panels this user sits on (none for anyone else). */
export async function panelKeysOf(db: Db, cycleId: string, stageKey: string, userId: string): Promise<string[]> {
  const rows = await db.query<{ panel_key: string }[]>(
    `SELECT panel_key FROM interview_panelists WHERE cycle_id = $1 AND stage_key = $2 AND user_id = $3`,
    [cycleId, stageKey, userId],
  );
  return rows.map((row) => row.panel_key);
}

export interface PanelistScheduleRow {
  userId: string;
  email: string;
  panelName: string;
  meetingUrl: string;
  interviews: number;
  first: Date | null;
}

/** Each panelist of the stage: their panel, how many interviews it has and when the first starts. */
export function panelistSchedules(db: Db, cycleId: string, stageKey: string): Promise<PanelistScheduleRow[]> {
  return db.query<PanelistScheduleRow[]>(
    `SELECT pp.user_id AS "userId", u.email, p.name AS "panelName", p.meeting_url AS "meetingUrl",
            count(b.id)::int AS interviews, min(s.starts_at) FILTER (WHERE b.id IS NOT NULL) AS first
       FROM interview_panelists pp
       JOIN users u ON u.id = pp.user_id
       JOIN interview_panels p ON p.cycle_id = pp.cycle_id AND p.stage_key = pp.stage_key AND p.panel_key = pp.panel_key
       LEFT JOIN interview_slots s ON s.cycle_id = p.cycle_id AND s.stage_key = p.stage_key AND s.panel_key = p.panel_key
       LEFT JOIN interview_bookings b ON b.slot_id = s.id AND b.released_at IS NULL
      WHERE pp.cycle_id = $1 AND pp.stage_key = $2
      GROUP BY pp.user_id, u.email, p.name, p.meeting_url
      ORDER BY pp.user_id`,
    [cycleId, stageKey],
  );
}

/** Panelists read the entries their panel interviews: access follows every booking of the stage (or the one named). */
export async function grantPanelAccess(db: Db, cycleId: string, stageKey: string, bookingId?: string): Promise<void> {
  await db.query(
    `INSERT INTO entry_assignments (entry_id, user_id, role)
     SELECT b.entry_id, pp.user_id, 'panelist'
       FROM interview_bookings b
       JOIN interview_slots s ON s.id = b.slot_id
       JOIN interview_panelists pp ON pp.cycle_id = s.cycle_id AND pp.stage_key = s.stage_key AND pp.panel_key = s.panel_key
      WHERE b.cycle_id = $1 AND b.stage_key = $2 AND b.released_at IS NULL AND ($3::uuid IS NULL OR b.id = $3)
     ON CONFLICT DO NOTHING`,
    [cycleId, stageKey, bookingId ?? null],
  );
}

/**
 * After a move to another panel, the old panel's panelists no longer read the entry (unless a field visit gives it
 * to them); the new panel's do.
 */
export async function followPanelAccess(db: Db, cycleId: string, stageKey: string, bookingId: string): Promise<void> {
  await db.query(
    `DELETE FROM entry_assignments ea
      USING interview_bookings b
      WHERE b.id = $3 AND ea.entry_id = b.entry_id AND ea.role = 'panelist'
        AND ea.user_id IN (SELECT user_id FROM interview_panelists WHERE cycle_id = $1 AND stage_key = $2)
        AND ea.user_id NOT IN (SELECT pp.user_id FROM interview_panelists pp JOIN interview_slots s
                                  ON s.cycle_id = pp.cycle_id AND s.stage_key = pp.stage_key AND s.panel_key = pp.panel_key
                                WHERE s.id = b.slot_id)
        AND NOT EXISTS (SELECT 1 FROM field_visits fv WHERE fv.entry_id = b.entry_id AND fv.panelist_user_id = ea.user_id)`,
    [cycleId, stageKey, bookingId],
  );
  await grantPanelAccess(db, cycleId, stageKey, bookingId);
}
