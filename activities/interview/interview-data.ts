import type { EntityManager } from 'typeorm';
import {
  DomainError,
  ErrorCode,
  interviewParams,
  type InterviewPanel,
  type InterviewParams,
  type Zone,
} from '../../libs/domain';
import { CycleEntity, CycleStageEntity } from '../../libs/persistence';
import type { InterviewBooking } from '../../workflows/entry.messages';

/** One booking with its slot and panel, as notices, the API and the entry workflow read it. */
export interface BookingRow {
  bookingId: string;
  cycleId: string;
  stageKey: string;
  entryId: string;
  slotId: string;
  panelKey: string;
  panelName: string;
  meetingUrl: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  bookedBy: string;
  reason: string;
  confirmedAt: Date | null;
  releasedAt: Date | null;
  releasedReason: string | null;
  attendance: InterviewBooking['attendance'];
  attendanceBy: string | null;
  createdAt: Date;
}

const BOOKING_COLUMNS = `
  b.id AS "bookingId", b.cycle_id AS "cycleId", b.stage_key AS "stageKey", b.entry_id AS "entryId",
  b.slot_id AS "slotId", s.panel_key AS "panelKey", p.name AS "panelName", s.meeting_url AS "meetingUrl",
  s.starts_at AS "startsAt", s.ends_at AS "endsAt", b.sequence, b.booked_by AS "bookedBy", b.reason,
  b.confirmed_at AS "confirmedAt", b.released_at AS "releasedAt", b.released_reason AS "releasedReason",
  b.attendance, b.attendance_by AS "attendanceBy", b.created_at AS "createdAt"`;
const BOOKING_FROM = `
  FROM interview_bookings b
  JOIN interview_slots s ON s.id = b.slot_id
  JOIN interview_panels p ON p.cycle_id = s.cycle_id AND p.stage_key = s.stage_key AND p.panel_key = s.panel_key`;

/** Bookings matching a condition on `b` (the booking) or `s` (its slot), earliest slot first. */
export function bookingsWhere(db: EntityManager, where: string, parameters: unknown[]): Promise<BookingRow[]> {
  return db.query(
    `SELECT ${BOOKING_COLUMNS} ${BOOKING_FROM} WHERE ${where} ORDER BY s.starts_at, s.panel_key`,
    parameters,
  );
}

export async function bookingById(db: EntityManager, bookingId: string): Promise<BookingRow> {
  const [row] = await bookingsWhere(db, 'b.id = $1', [bookingId]);
  if (!row) throw new DomainError(ErrorCode.NotBooked, 'No such interview booking.');
  return row;
}

/** The entry's live booking in a stage, if it has one. */
export async function liveBooking(db: EntityManager, entryId: string, stageKey: string): Promise<BookingRow | null> {
  const [row] = await bookingsWhere(db, 'b.entry_id = $1 AND b.stage_key = $2 AND b.released_at IS NULL', [
    entryId,
    stageKey,
  ]);
  return row ?? null;
}

export async function panelistsOf(db: EntityManager, cycleId: string, stageKey: string, panelKey: string) {
  const rows = await db.query<{ user_id: string }[]>(
    `SELECT user_id FROM interview_panelists WHERE cycle_id = $1 AND stage_key = $2 AND panel_key = $3 ORDER BY user_id`,
    [cycleId, stageKey, panelKey],
  );
  return rows.map((row) => row.user_id);
}

/** The booking as the entry workflow holds it. */
export async function bookingState(db: EntityManager, row: BookingRow | null): Promise<InterviewBooking | null> {
  if (!row || row.releasedAt) return null;
  return {
    bookingId: row.bookingId,
    slotId: row.slotId,
    panelKey: row.panelKey,
    startsAt: new Date(row.startsAt).toISOString(),
    endsAt: new Date(row.endsAt).toISOString(),
    sequence: row.sequence,
    confirmed: row.confirmedAt !== null,
    attendance: row.attendance,
    panelistIds: await panelistsOf(db, row.cycleId, row.stageKey, row.panelKey),
  };
}

/** An interview stage of a cycle with its parameters; refused when the key names another kind of stage. */
export async function interviewStage(
  db: EntityManager,
  cycleId: string,
  stageKey: string,
): Promise<{ cycle: CycleEntity; stage: CycleStageEntity; params: InterviewParams; zone: Zone }> {
  const cycle = await db.getRepository(CycleEntity).findOneBy({ id: cycleId });
  if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `Cycle ${cycleId} does not exist.`);
  const resolved = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === stageKey);
  const stage = await db.getRepository(CycleStageEntity).findOneBy({ cycleId, key: stageKey });
  if (!resolved || resolved.type !== 'interview' || !stage) {
    throw new DomainError(ErrorCode.StageNotFound, `Stage "${stageKey}" is not an interview stage of ${cycleId}.`);
  }
  return { cycle, stage, params: interviewParams(resolved.params), zone: resolved.zone };
}

/** The cycle's interview stage (templates have at most one); undefined when it has none. */
export function interviewStageKey(cycle: CycleEntity): string | undefined {
  return cycle.resolvedTemplate.stages.find((stage) => stage.type === 'interview')?.key;
}

export interface FreeSlot {
  slotId: string;
  panelKey: string;
  startsAt: Date;
  endsAt: Date;
}

/** Slots without a live booking that start after the given instant, earliest first. */
export function freeSlots(db: EntityManager, cycleId: string, stageKey: string, after: Date): Promise<FreeSlot[]> {
  return db.query(
    `SELECT s.id AS "slotId", s.panel_key AS "panelKey", s.starts_at AS "startsAt", s.ends_at AS "endsAt"
       FROM interview_slots s
      WHERE s.cycle_id = $1 AND s.stage_key = $2 AND s.starts_at > $3
        AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.released_at IS NULL)
      ORDER BY s.starts_at, s.panel_key`,
    [cycleId, stageKey, after],
  );
}

/** Serialises changes to one stage's schedule (allocation, admin bookings) within a transaction. */
export async function lockSchedule(tx: EntityManager, cycleId: string, stageKey: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`interview|${cycleId}|${stageKey}`]);
}

/** The stage's panels with their panelists, as allocation and the conflict checks see them. */
export async function schedulePanels(db: EntityManager, cycleId: string, stageKey: string): Promise<InterviewPanel[]> {
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

/** Panelists read the entries their panel interviews: access follows every booking of the stage (or the one named). */
export async function grantPanelAccess(db: EntityManager, cycleId: string, stageKey: string, bookingId?: string) {
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
export async function followPanelAccess(db: EntityManager, cycleId: string, stageKey: string, bookingId: string) {
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
