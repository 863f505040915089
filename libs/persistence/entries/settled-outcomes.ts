import type { SettledOutcomes } from '../../domain';
import type { Db } from '../shared/db';

/**
 * The cycle's active entries that settled outcomes have already ended: screening failed them; in an eliminating
 * interview stage their
 * latest booking (the live one, else the latest) recorded a no-show or an absence, or was released with none booked
 * again; or the latest selection of a selection stage did not select them. The same outcomes the close's fan-out
 * hands the entries.
 */
export async function entriesEndedBySettledOutcomes(
  db: Db,
  cycleId: string,
  settled: SettledOutcomes,
): Promise<Set<string>> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT e.id FROM entries e
      WHERE e.cycle_id = $1 AND e.status = 'active'
        AND (($4 AND EXISTS (SELECT 1 FROM screening_decisions d WHERE d.entry_id = e.id AND d.outcome = 'fail'))
          OR EXISTS (
              SELECT 1 FROM (
                SELECT DISTINCT ON (b.stage_key) b.attendance, b.released_at IS NOT NULL AS released
                  FROM interview_bookings b
                 WHERE b.entry_id = e.id AND b.stage_key = ANY($2::text[])
                 ORDER BY b.stage_key, (b.released_at IS NULL) DESC, b.created_at DESC) booking
               WHERE booking.attendance IN ('no-show', 'absent') OR (booking.attendance IS NULL AND booking.released))
          OR EXISTS (
              SELECT 1 FROM (
                SELECT DISTINCT ON (s.stage_key) s.id FROM selections s
                 WHERE s.cycle_id = $1 AND s.stage_key = ANY($3::text[])
                 ORDER BY s.stage_key, s.version DESC) selection
               WHERE NOT EXISTS (SELECT 1 FROM selection_outcomes o
                                  WHERE o.selection_id = selection.id AND o.entry_id = e.id AND o.selected)))`,
    [cycleId, settled.eliminatingInterviewStages, settled.selectionStages, settled.screened],
  );
  return new Set(rows.map((row) => row.id));
}
