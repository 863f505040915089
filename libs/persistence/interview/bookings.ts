import { DomainError, ErrorCode } from '../../domain';
import type { InterviewBooking } from '../../../workflows/entry.messages';
import type { InterviewAttendance } from '../entities';
import type { Db } from '../shared/db';

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
  attendance: InterviewAttendance | null;
  attendanceBy: string | null;
  createdAt: Date;
}

const BOOKING_SELECT = `
  SELECT b.id AS "bookingId", b.cycle_id AS "cycleId", b.stage_key AS "stageKey", b.entry_id AS "entryId",
         b.slot_id AS "slotId", s.panel_key AS "panelKey", p.name AS "panelName", s.meeting_url AS "meetingUrl",
         s.starts_at AS "startsAt", s.ends_at AS "endsAt", b.sequence, b.booked_by AS "bookedBy", b.reason,
         b.confirmed_at AS "confirmedAt", b.released_at AS "releasedAt", b.released_reason AS "releasedReason",
         b.attendance, b.attendance_by AS "attendanceBy", b.created_at AS "createdAt"
    FROM interview_bookings b
    JOIN interview_slots s ON s.id = b.slot_id
    JOIN interview_panels p ON p.cycle_id = s.cycle_id AND p.stage_key = s.stage_key AND p.panel_key = s.panel_key`;
const BOOKING_ORDER = `ORDER BY s.starts_at, s.panel_key`;

/** The booking of this id, live or released; null when there is none. */
export async function bookingOfId(db: Db, bookingId: string): Promise<BookingRow | null> {
  const [row] = await db.query<BookingRow[]>(`${BOOKING_SELECT} WHERE b.id = $1`, [bookingId]);
  return row ?? null;
}

/** The booking of this id; refused (INTERVIEW.NOT_BOOKED) when there is none. */
export async function bookingById(db: Db, bookingId: string): Promise<BookingRow> {
  const row = await bookingOfId(db, bookingId);
  if (!row) throw new DomainError(ErrorCode.NotBooked, 'No such interview booking.');
  return row;
}

/** The booking as the entry workflow holds it: null once released. */
export async function bookingState(db: Db, row: BookingRow | null): Promise<InterviewBooking | null> {
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
    panelistIds: await panelistIdsOf(db, row.cycleId, row.stageKey, row.panelKey),
  };
}

/** The entry's live booking in a stage, if it has one. */
export async function liveBooking(db: Db, entryId: string, stageKey: string): Promise<BookingRow | null> {
  const [row] = await db.query<BookingRow[]>(
    `${BOOKING_SELECT} WHERE b.entry_id = $1 AND b.stage_key = $2 AND b.released_at IS NULL ${BOOKING_ORDER}`,
    [entryId, stageKey],
  );
  return row ?? null;
}

/** The stage's live bookings (only the agency's entries' when one is named), earliest slot first. */
export function liveBookingsOfStage(
  db: Db,
  cycleId: string,
  stageKey: string,
  agencyCode: string | null = null,
): Promise<BookingRow[]> {
  return db.query<BookingRow[]>(
    `${BOOKING_SELECT}
      WHERE b.cycle_id = $1 AND b.stage_key = $2 AND b.released_at IS NULL
        AND ($3::text IS NULL OR b.entry_id IN (SELECT id FROM entries WHERE agency_code = $3))
      ${BOOKING_ORDER}`,
    [cycleId, stageKey, agencyCode],
  );
}

/** Live bookings still as the allocation made them (never moved), earliest slot first: the first invitations. */
export function unchangedAllocatedBookings(db: Db, cycleId: string, stageKey: string): Promise<BookingRow[]> {
  return db.query<BookingRow[]>(
    `${BOOKING_SELECT}
      WHERE b.cycle_id = $1 AND b.stage_key = $2 AND b.sequence = 0 AND b.released_at IS NULL ${BOOKING_ORDER}`,
    [cycleId, stageKey],
  );
}

/** The panelists of one panel, by id. */
export async function panelistIdsOf(db: Db, cycleId: string, stageKey: string, panelKey: string): Promise<string[]> {
  const rows = await db.query<{ user_id: string }[]>(
    `SELECT user_id FROM interview_panelists WHERE cycle_id = $1 AND stage_key = $2 AND panel_key = $3 ORDER BY user_id`,
    [cycleId, stageKey, panelKey],
  );
  return rows.map((row) => row.user_id);
}

/** The live booking of an entry, locked until the transaction ends, with what a move checks of it. */
export async function lockLiveBooking(
  tx: Db,
  entryId: string,
  stageKey: string,
): Promise<{ id: string; slotId: string; startsAt: Date; attendance: InterviewAttendance | null } | null> {
  const [row] = await tx.query<
    { id: string; slotId: string; startsAt: Date; attendance: InterviewAttendance | null }[]
  >(
    `SELECT b.id, b.slot_id AS "slotId", s.starts_at AS "startsAt", b.attendance
       FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id
      WHERE b.entry_id = $1 AND b.stage_key = $2 AND b.released_at IS NULL FOR UPDATE OF b`,
    [entryId, stageKey],
  );
  return row ?? null;
}

/** The booking a recorded Update changed, if that Update was already carried out. */
export async function bookingChangedBy(db: Db, updateId: string): Promise<string | null> {
  const [done] = await db.query<{ booking_id: string }[]>(
    `SELECT booking_id FROM interview_booking_events WHERE update_id = $1`,
    [updateId],
  );
  return done?.booking_id ?? null;
}

/**
 * Moves a booking to another slot (the same booking, its sequence raised), with who moved it and why, and records
 * the move. Confirmed at `confirmedAt`, or awaiting confirmation when null.
 */
export async function moveBooking(
  tx: Db,
  move: {
    bookingId: string;
    slotId: string;
    confirmedAt: Date | null;
    bookedBy: string;
    reason: string;
    eventReason: string | null;
    updateId: string;
  },
): Promise<void> {
  // An UPDATE answers [rows, count].
  const [[moved]] = await tx.query<[{ sequence: number; from: string }[], number]>(
    `UPDATE interview_bookings b SET slot_id = $2, sequence = b.sequence + 1, confirmed_at = $3, booked_by = $4, reason = $5
       FROM interview_bookings old WHERE b.id = $1 AND old.id = b.id
     RETURNING b.sequence, old.slot_id AS "from"`,
    [move.bookingId, move.slotId, move.confirmedAt, move.bookedBy, move.reason],
  );
  await tx.query(
    `INSERT INTO interview_booking_events (booking_id, kind, sequence, from_slot_id, to_slot_id, actor, reason, update_id)
     VALUES ($1, 'moved', $2, $3, $4, $5, $6, $7)`,
    [move.bookingId, moved.sequence, moved.from, move.slotId, move.bookedBy, move.eventReason, move.updateId],
  );
}

/** Books a slot for an entry that has none, and records the booking; answers the booking's id. */
export async function insertBooking(
  tx: Db,
  booking: {
    cycleId: string;
    stageKey: string;
    entryId: string;
    slotId: string;
    bookedBy: string;
    reason: string;
    confirmedAt: Date | null;
    eventReason: string | null;
    updateId: string;
  },
): Promise<string> {
  const [booked] = await tx.query<{ id: string }[]>(
    `INSERT INTO interview_bookings (cycle_id, stage_key, entry_id, slot_id, booked_by, reason, confirmed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      booking.cycleId,
      booking.stageKey,
      booking.entryId,
      booking.slotId,
      booking.bookedBy,
      booking.reason,
      booking.confirmedAt,
    ],
  );
  await tx.query(
    `INSERT INTO interview_booking_events (booking_id, kind, sequence, to_slot_id, actor, reason, update_id)
     VALUES ($1, 'booked', 0, $2, $3, $4, $5)`,
    [booked.id, booking.slotId, booking.bookedBy, booking.eventReason, booking.updateId],
  );
  return booked.id;
}

/** Confirms a live unconfirmed booking and records it (once per Update); false when there was nothing to confirm. */
export async function confirmBooking(tx: Db, bookingId: string, actor: string, updateId: string): Promise<boolean> {
  const updated = await tx.query<[unknown[], number]>(
    `UPDATE interview_bookings SET confirmed_at = now()
      WHERE id = $1 AND confirmed_at IS NULL AND released_at IS NULL RETURNING sequence`,
    [bookingId],
  );
  if (updated[0].length === 0) return false;
  await tx.query(
    `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, update_id)
     SELECT id, 'confirmed', sequence, $2, $3 FROM interview_bookings WHERE id = $1
     ON CONFLICT (update_id) DO NOTHING`,
    [bookingId, actor, updateId],
  );
  return true;
}

/** The booking's version, confirmation and release, locked until the transaction ends. */
export async function lockBookingVersion(
  tx: Db,
  bookingId: string,
): Promise<{ sequence: number; confirmedAt: Date | null; releasedAt: Date | null }> {
  const [row] = await tx.query<{ sequence: number; confirmedAt: Date | null; releasedAt: Date | null }[]>(
    `SELECT sequence, confirmed_at AS "confirmedAt", released_at AS "releasedAt"
       FROM interview_bookings WHERE id = $1 FOR UPDATE`,
    [bookingId],
  );
  return row;
}

/** Whether this version of the booking was already settled at its cut-off (released or kept). */
export async function settledAtCutOff(db: Db, bookingId: string, sequence: number): Promise<boolean> {
  const [recorded] = await db.query<{ kind: string }[]>(
    `SELECT kind FROM interview_booking_events WHERE booking_id = $1 AND sequence = $2
        AND kind IN ('released', 'kept-unconfirmed')`,
    [bookingId, sequence],
  );
  return recorded !== undefined;
}

/** Releases a booking (its sequence raised: the calendar event is cancelled). */
export async function releaseBooking(tx: Db, bookingId: string, reason: string): Promise<void> {
  await tx.query(
    `UPDATE interview_bookings SET released_at = now(), released_reason = $2, sequence = sequence + 1
      WHERE id = $1`,
    [bookingId, reason],
  );
}

/** Records a change the engine made to a booking (no Update behind it). */
export async function recordEngineBookingEvent(
  tx: Db,
  event: { bookingId: string; kind: 'released' | 'kept-unconfirmed'; sequence: number; reason: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason)
     VALUES ($1, $2, $3, 'engine', $4)`,
    [event.bookingId, event.kind, event.sequence, event.reason],
  );
}

/** Records a panelist's attendance on a live booking that has none yet; false when it already had one. */
export async function recordAttendance(
  tx: Db,
  bookingId: string,
  attendance: 'present' | 'absent',
  panelistId: string,
): Promise<boolean> {
  const updated = await tx.query<[unknown[], number]>(
    `UPDATE interview_bookings SET attendance = $2, attendance_by = $3, attendance_at = now()
      WHERE id = $1 AND attendance IS NULL AND released_at IS NULL RETURNING id`,
    [bookingId, attendance, panelistId],
  );
  return updated[0].length > 0;
}

export async function recordAttendanceEvent(
  tx: Db,
  event: { bookingId: string; sequence: number; panelistId: string; attendance: string; updateId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason, update_id)
     VALUES ($1, 'attendance', $2, $3, $4, $5)`,
    [event.bookingId, event.sequence, event.panelistId, event.attendance, event.updateId],
  );
}

/**
 * A no-show recorded by the engine, for this version of the booking only and only once its grace period has run
 * out with no attendance recorded; false when it did not apply.
 */
export async function recordNoShow(
  tx: Db,
  bookingId: string,
  sequence: number,
  graceMinutes: number,
): Promise<boolean> {
  const rows = await tx.query<[unknown[], number]>(
    `UPDATE interview_bookings b SET attendance = 'no-show', attendance_by = 'engine', attendance_at = now()
       FROM interview_slots s
      WHERE b.id = $1 AND s.id = b.slot_id AND b.sequence = $2 AND b.attendance IS NULL
        AND b.released_at IS NULL AND s.starts_at + make_interval(secs => $3::float8 * 60) <= now()
     RETURNING b.id`,
    [bookingId, sequence, graceMinutes],
  );
  if (rows[0].length === 0) return false;
  await tx.query(
    `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason)
     VALUES ($1, 'no-show', $2, 'engine', 'no attendance recorded within the grace period')`,
    [bookingId, sequence],
  );
  return true;
}

/** At the stage's close: every live booking past its grace period without attendance is a no-show; answers how many. */
export async function recordMissedInterviews(
  db: Db,
  cycleId: string,
  stageKey: string,
  graceMinutes: number,
): Promise<number> {
  const rows = await db.query<{ id: string }[]>(
    `WITH missed AS (
       UPDATE interview_bookings b SET attendance = 'no-show', attendance_by = 'engine', attendance_at = now()
         FROM interview_slots s
        WHERE s.id = b.slot_id AND b.cycle_id = $1 AND b.stage_key = $2
          AND b.released_at IS NULL AND b.attendance IS NULL
          AND s.starts_at + make_interval(secs => $3::float8 * 60) <= now()
       RETURNING b.id, b.sequence)
     INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason)
     SELECT id, 'no-show', sequence, 'engine', 'no attendance recorded when the stage closed' FROM missed
     RETURNING booking_id AS id`,
    [cycleId, stageKey, graceMinutes],
  );
  return rows.length;
}

export interface BookingEventRow {
  kind: string;
  sequence: number;
  fromSlotId: string | null;
  toSlotId: string | null;
  actor: string;
  reason: string | null;
  at: Date;
}

/** Every change to the entry's bookings in a stage, oldest first. */
export function bookingHistoryOf(db: Db, entryId: string, stageKey: string): Promise<BookingEventRow[]> {
  return db.query<BookingEventRow[]>(
    `SELECT ev.kind, ev.sequence, ev.from_slot_id AS "fromSlotId", ev.to_slot_id AS "toSlotId", ev.actor, ev.reason, ev.at
       FROM interview_booking_events ev JOIN interview_bookings b ON b.id = ev.booking_id
      WHERE b.entry_id = $1 AND b.stage_key = $2 ORDER BY ev.at, ev.id`,
    [entryId, stageKey],
  );
}

/** When this version of the booking was made (its latest change up to that sequence), if any change is recorded. */
export async function bookingVersionMadeAt(db: Db, bookingId: string, sequence: number): Promise<Date | null> {
  const [made] = await db.query<{ at: Date | null }[]>(
    `SELECT max(at) AS at FROM interview_booking_events WHERE booking_id = $1 AND sequence <= $2`,
    [bookingId, sequence],
  );
  return made.at;
}

/** Each entry's last booking of the stage (the live one first), with its attendance and whether it was released. */
export function lastBookingsOf(
  db: Db,
  stageKey: string,
  entryIds: string[],
): Promise<{ entryId: string; attendance: InterviewAttendance | null; released: boolean }[]> {
  return db.query(
    `SELECT DISTINCT ON (b.entry_id) b.entry_id AS "entryId", b.attendance, b.released_at IS NOT NULL AS released
       FROM interview_bookings b
      WHERE b.stage_key = $1 AND b.entry_id = ANY($2::uuid[])
      ORDER BY b.entry_id, (b.released_at IS NULL) DESC, b.created_at DESC`,
    [stageKey, entryIds],
  );
}

/** The role of the account that booked or last moved the booking; null for the engine (not an account). */
export async function bookerRole(db: Db, bookedBy: string): Promise<string | null> {
  const [row] = await db.query<{ role: string }[]>(`SELECT role FROM users WHERE id::text = $1`, [bookedBy]);
  return row?.role ?? null;
}
