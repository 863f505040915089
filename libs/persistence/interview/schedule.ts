import type { InterviewSchedule } from '../../domain';
import type { Db } from '../shared/db';

/** Who booked a slot the allocation gave. */
export const BY_ENGINE = 'engine';

/** Writes the allocation's bookings (each recorded as booked by the engine) and the entries it could not place. */
export async function insertAllocatedSchedule(
  tx: Db,
  stage: { cycleId: string; stageKey: string },
  schedule: InterviewSchedule,
  /** Why nobody could be placed, when that is the stage's fault rather than the entry's. */
  nobody: string | null,
): Promise<void> {
  if (schedule.bookings.length > 0) {
    await tx.query(
      `WITH booked AS (
         INSERT INTO interview_bookings (cycle_id, stage_key, entry_id, slot_id, booked_by, reason)
         SELECT $1, $2, plan.entry_id, plan.slot_id, '${BY_ENGINE}', plan.reason
           FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS plan (entry_id, slot_id, reason)
         RETURNING id, slot_id, reason)
       INSERT INTO interview_booking_events (booking_id, kind, sequence, to_slot_id, actor, reason)
       SELECT id, 'booked', 0, slot_id, '${BY_ENGINE}', reason FROM booked`,
      [
        stage.cycleId,
        stage.stageKey,
        schedule.bookings.map((booking) => booking.entryId),
        schedule.bookings.map((booking) => booking.slotId),
        schedule.bookings.map((booking) => booking.reason),
      ],
    );
  }
  if (schedule.unplaced.length > 0) {
    await tx.query(
      `INSERT INTO interview_unplaced (cycle_id, stage_key, entry_id, reason)
       SELECT $1, $2, entry_id, reason FROM unnest($3::uuid[], $4::text[]) AS u (entry_id, reason)
       ON CONFLICT DO NOTHING`,
      [
        stage.cycleId,
        stage.stageKey,
        schedule.unplaced.map((entry) => entry.entryId),
        schedule.unplaced.map((entry) => nobody ?? entry.reason),
      ],
    );
  }
}

/** What the allocation made: each entry it booked with the slot it gave, and each it could not place (slot null). */
export function allocatedPlacements(
  db: Db,
  cycleId: string,
  stageKey: string,
): Promise<{ entryId: string; slotId: string | null }[]> {
  return db.query(
    `SELECT b.entry_id AS "entryId", ev.to_slot_id AS "slotId" FROM interview_booking_events ev
       JOIN interview_bookings b ON b.id = ev.booking_id
      WHERE b.cycle_id = $1 AND b.stage_key = $2 AND ev.kind = 'booked' AND ev.actor = $3
     UNION ALL
     SELECT entry_id, NULL FROM interview_unplaced WHERE cycle_id = $1 AND stage_key = $2`,
    [cycleId, stageKey, BY_ENGINE],
  );
}

export interface UnplacedRow {
  entryId: string;
  title: string;
  agencyCode: string;
  reason: string;
}

/** Entries the schedule could not place and that have no booking since, by title. */
export function stillUnplaced(db: Db, cycleId: string, stageKey: string): Promise<UnplacedRow[]> {
  return db.query<UnplacedRow[]>(
    `SELECT u.entry_id AS "entryId", e.title, e.agency_code AS "agencyCode", u.reason
       FROM interview_unplaced u JOIN entries e ON e.id = u.entry_id
      WHERE u.cycle_id = $1 AND u.stage_key = $2
        AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.entry_id = u.entry_id
                           AND b.stage_key = u.stage_key AND b.released_at IS NULL)
      ORDER BY e.title`,
    [cycleId, stageKey],
  );
}

/** Why the schedule could not place the entry, if it could not. */
export async function unplacedReasonOf(db: Db, entryId: string, stageKey: string): Promise<string | null> {
  const [unplaced] = await db.query<{ reason: string }[]>(
    `SELECT reason FROM interview_unplaced WHERE entry_id = $1 AND stage_key = $2`,
    [entryId, stageKey],
  );
  return unplaced?.reason ?? null;
}

/** The stage's slots, live bookings, and entries still unplaced, counted. */
export async function scheduleSummary(
  db: Db,
  cycleId: string,
  stageKey: string,
): Promise<{ slots: number; booked: number; unplaced: number }> {
  const [row] = await db.query<{ slots: number; booked: number; unplaced: number }[]>(
    `SELECT (SELECT count(*)::int FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2) AS slots,
            (SELECT count(*)::int FROM interview_bookings WHERE cycle_id = $1 AND stage_key = $2 AND released_at IS NULL) AS booked,
            (SELECT count(*)::int FROM interview_unplaced u WHERE u.cycle_id = $1 AND u.stage_key = $2
                AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.entry_id = u.entry_id
                                   AND b.stage_key = u.stage_key AND b.released_at IS NULL)) AS unplaced`,
    [cycleId, stageKey],
  );
  return row;
}
