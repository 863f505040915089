import type { DataSource, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, formatInZone, rubricFor, slotFits, weightedScore, type Zone } from '../../libs/domain';
import { AgencyEntity, EntryEntity, isUniqueViolation } from '../../libs/persistence';
import type {
  DeskScoreReceipt,
  InterviewAttendanceRequest,
  InterviewBooking,
  InterviewPlan,
  MoveInterviewRequest,
  SubmitInterviewScoreRequest,
} from '../../workflows/entry.messages';
import { refusingAsFailure } from '../business-failure';
import {
  bookingById,
  bookingState,
  freeSlots,
  followPanelAccess,
  interviewStage,
  liveBooking,
  schedulePanels,
  type FreeSlot,
} from './interview-data';
import { schedulableEntries } from './interview-stage.activities';

const WHOLE_DAY = { start: '00:00', end: '23:59' };

const HOUR = 3_600_000;
const ALTERNATIVES_SHOWN = 10;

/** The entry asking for a slot, the stage, and the zone its agency reads times in. */
interface Candidate {
  entry: EntryEntity;
  stageKey: string;
  zone: Zone;
}

/** A slot offered instead, in the agency's own zone. */
export interface SlotAlternative {
  slotId: string;
  panelKey: string;
  startsAt: string;
  startsAtLocal: string;
}

/**
 * The entry workflow's side of the interview: its plan, and every change to its booking. The database has the last
 * word: a partial unique index forbids two live bookings of one slot, so of two agencies asking for the same free
 * slot one wins and the other is refused with the free slots it could take instead.
 */
export function createInterviewEntryActivities(dataSource: DataSource) {
  const now = async (db: EntityManager) => (await db.query<{ now: Date }[]>('SELECT now() AS now'))[0].now;

  /**
   * Why the entry may not take this slot. The agency is held to every rule of the schedule (no conflicted panel,
   * none of its declared days, its own working hours, not while it presents another entry); the secretariat may
   * book outside the agency's days and hours, never before a panel with a conflict or at the same time as another
   * of the agency's entries.
   */
  const unfit = async (db: EntityManager, { entry, stageKey }: Candidate, slot: FreeSlot, byAdmin: boolean) => {
    const { params } = await interviewStage(db, entry.cycleId, stageKey);
    const [schedulable] = await schedulableEntries(db, entry.cycleId, [entry.id]);
    const rules = { sameProvince: params.conflictSameProvince, agencyHours: params.agencyHours };
    const [clash] = await db.query<{ title: string }[]>(
      `SELECT e.title FROM interview_bookings b
         JOIN interview_slots s ON s.id = b.slot_id JOIN entries e ON e.id = b.entry_id
        WHERE b.stage_key = $1 AND b.released_at IS NULL AND e.agency_code = $2 AND e.id <> $3
          AND s.starts_at < $5 AND s.ends_at > $4 LIMIT 1`,
      [stageKey, entry.agencyCode, entry.id, slot.startsAt, slot.endsAt],
    );
    if (clash) return `the agency presents "${clash.title}" at the same time`;
    return slotFits(
      {
        id: slot.slotId,
        ...slot,
        startsAt: new Date(slot.startsAt).toISOString(),
        endsAt: new Date(slot.endsAt).toISOString(),
      },
      byAdmin ? { ...schedulable, unavailableDays: [] } : schedulable,
      await schedulePanels(db, entry.cycleId, stageKey),
      byAdmin ? { ...rules, agencyHours: WHOLE_DAY } : rules,
    );
  };

  /** Free slots the entry could take instead, earliest first. */
  const alternatives = async (candidate: Candidate, byAdmin: boolean): Promise<SlotAlternative[]> => {
    const db = dataSource.manager;
    const { entry, stageKey, zone } = candidate;
    const { params } = await interviewStage(db, entry.cycleId, stageKey);
    const after = new Date((await now(db)).getTime() + (byAdmin ? 0 : params.confirmHoursBefore * HOUR));
    const offered: SlotAlternative[] = [];
    for (const slot of await freeSlots(db, entry.cycleId, stageKey, after)) {
      if (offered.length === ALTERNATIVES_SHOWN) break;
      if (await unfit(db, candidate, slot, byAdmin)) continue;
      offered.push({
        slotId: slot.slotId,
        panelKey: slot.panelKey,
        startsAt: new Date(slot.startsAt).toISOString(),
        startsAtLocal: formatInZone(new Date(slot.startsAt), zone),
      });
    }
    return offered;
  };

  const entryOf = async (db: EntityManager, entryId: string, stageKey: string): Promise<Candidate> => {
    const entry = await db.getRepository(EntryEntity).findOneByOrFail({ id: entryId });
    const agency = await db.getRepository(AgencyEntity).findOneByOrFail({ code: entry.agencyCode });
    return { entry, stageKey, zone: agency.zone };
  };

  const loadInterviewPlan = async (input: { entryId: string; stageKey: string }): Promise<InterviewPlan> => {
    const db = dataSource.manager;
    const entry = await db.getRepository(EntryEntity).findOneByOrFail({ id: input.entryId });
    const { cycle, params } = await interviewStage(db, entry.cycleId, input.stageKey);
    const rubric = rubricFor(cycle.resolvedTemplate, entry.groupKey, params.rubric);
    return {
      stageKey: input.stageKey,
      confirmHoursBefore: params.confirmHoursBefore,
      confirmReminderHoursBefore: params.confirmReminderHoursBefore,
      unconfirmed: params.unconfirmed,
      remindHoursBefore: params.remindHoursBefore,
      noShowGraceMinutes: params.noShowGraceMinutes,
      criteria: rubric.criteria,
      booking: await bookingState(db, await liveBooking(db, input.entryId, input.stageKey)),
    };
  };

  return {
    loadInterviewPlan,

    /**
     * Moves the entry's booking to a free slot (same booking, SEQUENCE raised), or books one when it has none.
     * A move by the agency counts as its confirmation; one by the secretariat awaits the agency's.
     */
    async moveInterviewBooking(
      input: MoveInterviewRequest & { entryId: string; stageKey: string; updateId: string },
    ): Promise<InterviewBooking> {
      const candidate = await entryOf(dataSource.manager, input.entryId, input.stageKey);
      const { entry } = candidate;
      try {
        return await refusingAsFailure(() =>
          dataSource.transaction(async (tx) => {
            const [done] = await tx.query<{ booking_id: string }[]>(
              `SELECT booking_id FROM interview_booking_events WHERE update_id = $1`,
              [input.updateId],
            );
            if (done) return (await bookingState(tx, await bookingById(tx, done.booking_id)))!;
            const { stage, params } = await interviewStage(tx, entry.cycleId, input.stageKey);
            if (stage.status !== 'open') throw new DomainError(ErrorCode.StageNotOpen, 'Interviews have closed.');
            const [slot] = await tx.query<FreeSlot[]>(
              `SELECT id AS "slotId", panel_key AS "panelKey", starts_at AS "startsAt", ends_at AS "endsAt"
                 FROM interview_slots WHERE id = $1 AND cycle_id = $2 AND stage_key = $3`,
              [input.slotId, entry.cycleId, input.stageKey],
            );
            if (!slot) throw new DomainError(ErrorCode.SlotNotFound, 'No such interview slot in this stage.');
            const current = await tx.query<
              { id: string; slot_id: string; starts_at: Date; attendance: string | null }[]
            >(
              `SELECT b.id, b.slot_id, s.starts_at, b.attendance FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id
                WHERE b.entry_id = $1 AND b.stage_key = $2 AND b.released_at IS NULL FOR UPDATE OF b`,
              [input.entryId, input.stageKey],
            );
            // Asked twice (a repeated click queued behind the first): the entry already has the slot.
            if (current[0]?.slot_id === input.slotId) {
              return (await bookingState(tx, await bookingById(tx, current[0].id)))!;
            }
            const at = await now(tx);
            const cutOff = (startsAt: Date) => new Date(startsAt).getTime() - params.confirmHoursBefore * HOUR;
            if (current[0]?.attendance) {
              throw new DomainError(ErrorCode.AttendanceRecorded, 'The interview has already taken place.');
            }
            if (!input.byAdmin && current[0] && at.getTime() >= cutOff(current[0].starts_at)) {
              throw new DomainError(ErrorCode.CutOffPassed, 'The cut-off for moving this slot has passed.');
            }
            if (input.byAdmin ? at >= new Date(slot.startsAt) : at.getTime() >= cutOff(slot.startsAt)) {
              throw new DomainError(ErrorCode.CutOffPassed, 'That slot is too soon to book; choose a later one.');
            }
            const why = await unfit(tx, candidate, slot, input.byAdmin);
            if (why) throw new DomainError(ErrorCode.SlotUnfit, `That slot cannot take this entry: ${why}.`);
            // The agency chose the slot itself; one the secretariat books inside the cut-off cannot await a confirmation.
            const confirmedAt = !input.byAdmin || at.getTime() >= cutOff(slot.startsAt) ? at : null;
            let bookingId: string;
            if (current[0]) {
              bookingId = current[0].id;
              // An UPDATE answers [rows, count].
              const [[moved]] = await tx.query<[{ sequence: number; from: string }[], number]>(
                `UPDATE interview_bookings b SET slot_id = $2, sequence = b.sequence + 1, confirmed_at = $3
                   FROM interview_bookings old WHERE b.id = $1 AND old.id = b.id
                 RETURNING b.sequence, old.slot_id AS "from"`,
                [bookingId, input.slotId, confirmedAt],
              );
              await tx.query(
                `INSERT INTO interview_booking_events (booking_id, kind, sequence, from_slot_id, to_slot_id, actor, reason, update_id)
                 VALUES ($1, 'moved', $2, $3, $4, $5, $6, $7)`,
                [
                  bookingId,
                  moved.sequence,
                  moved.from,
                  input.slotId,
                  input.requestedBy,
                  input.reason ?? null,
                  input.updateId,
                ],
              );
            } else {
              const [booked] = await tx.query<{ id: string }[]>(
                `INSERT INTO interview_bookings (cycle_id, stage_key, entry_id, slot_id, booked_by, reason, confirmed_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
                [
                  entry.cycleId,
                  input.stageKey,
                  input.entryId,
                  input.slotId,
                  input.requestedBy,
                  input.byAdmin ? `booked by the secretariat: ${input.reason}` : 'chosen by the agency',
                  confirmedAt,
                ],
              );
              bookingId = booked.id;
              await tx.query(
                `INSERT INTO interview_booking_events (booking_id, kind, sequence, to_slot_id, actor, reason, update_id)
                 VALUES ($1, 'booked', 0, $2, $3, $4, $5)`,
                [bookingId, input.slotId, input.requestedBy, input.reason ?? null, input.updateId],
              );
            }
            await followPanelAccess(tx, entry.cycleId, input.stageKey, bookingId);
            return (await bookingState(tx, await bookingById(tx, bookingId)))!;
          }),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // Another booking took the slot first (the partial unique index decided): offer what is still free.
        const offered = await alternatives(candidate, input.byAdmin);
        return refusingAsFailure(() => {
          throw new DomainError(
            ErrorCode.SlotTaken,
            `That slot was just taken by another entry; ${offered.length} free slot(s) you could take are listed in "alternatives".`,
            [],
            { alternatives: offered },
          );
        });
      }
    },

    async confirmInterviewBooking(input: { bookingId: string; requestedBy: string; updateId: string }) {
      return refusingAsFailure(() =>
        dataSource.transaction(async (tx) => {
          const updated = await tx.query<[unknown[], number]>(
            `UPDATE interview_bookings SET confirmed_at = now()
              WHERE id = $1 AND confirmed_at IS NULL AND released_at IS NULL RETURNING sequence`,
            [input.bookingId],
          );
          if (updated[0].length > 0) {
            await tx.query(
              `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, update_id)
               SELECT id, 'confirmed', sequence, $2, $3 FROM interview_bookings WHERE id = $1
               ON CONFLICT (update_id) DO NOTHING`,
              [input.bookingId, input.requestedBy, input.updateId],
            );
          }
          const confirmed = await bookingState(tx, await bookingById(tx, input.bookingId));
          if (!confirmed) {
            throw new DomainError(ErrorCode.CutOffPassed, 'The slot was released at the cut-off, unconfirmed.');
          }
          return confirmed;
        }),
      );
    },

    /** At the cut-off: a booking still unconfirmed (and not moved meanwhile) is released or kept, and recorded. */
    async settleUnconfirmedBooking(input: { bookingId: string; sequence: number; policy: 'keep' | 'release' }) {
      return dataSource.transaction(async (tx) => {
        const [row] = await tx.query<{ sequence: number; confirmed_at: Date | null; released_at: Date | null }[]>(
          `SELECT sequence, confirmed_at, released_at FROM interview_bookings WHERE id = $1 FOR UPDATE`,
          [input.bookingId],
        );
        const untouched = row.sequence === input.sequence && !row.confirmed_at && !row.released_at;
        const [recorded] = await tx.query<{ kind: string }[]>(
          `SELECT kind FROM interview_booking_events WHERE booking_id = $1 AND sequence = $2
              AND kind IN ('released', 'kept-unconfirmed')`,
          [input.bookingId, input.sequence],
        );
        if (untouched && !recorded) {
          const kind = input.policy === 'release' ? 'released' : 'kept-unconfirmed';
          const reason =
            input.policy === 'release'
              ? 'not confirmed by the cut-off; the slot is free for others'
              : 'not confirmed by the cut-off; kept as the template says';
          if (input.policy === 'release') {
            await tx.query(
              `UPDATE interview_bookings SET released_at = now(), released_reason = $2, sequence = sequence + 1
                WHERE id = $1`,
              [input.bookingId, reason],
            );
          }
          await tx.query(
            `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason)
             VALUES ($1, $2, $3, 'engine', $4)`,
            [input.bookingId, kind, input.sequence, reason],
          );
        }
        const after = await bookingById(tx, input.bookingId);
        return { released: after.releasedAt !== null, sequence: after.sequence };
      });
    },

    async recordInterviewAttendance(input: InterviewAttendanceRequest & { bookingId: string; updateId: string }) {
      return refusingAsFailure(() =>
        dataSource.transaction(async (tx) => {
          const updated = await tx.query<[unknown[], number]>(
            `UPDATE interview_bookings SET attendance = $2, attendance_by = $3, attendance_at = now()
              WHERE id = $1 AND attendance IS NULL AND released_at IS NULL RETURNING id`,
            [input.bookingId, input.attendance, input.panelistId],
          );
          const booking = await bookingById(tx, input.bookingId);
          if (updated[0].length > 0) {
            await tx.query(
              `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason, update_id)
               VALUES ($1, 'attendance', $2, $3, $4, $5)`,
              [input.bookingId, booking.sequence, input.panelistId, input.attendance, input.updateId],
            );
          } else if (booking.attendanceBy !== input.panelistId || booking.attendance !== input.attendance) {
            throw new DomainError(
              ErrorCode.AttendanceRecorded,
              `Attendance is already recorded: ${booking.attendance}.`,
            );
          }
          return (await bookingState(tx, booking))!;
        }),
      );
    },

    /**
     * After the grace period with no attendance recorded: a no-show, recorded by the engine. Only for the version of
     * the booking the timer was set for, and only once its grace period has really run out.
     */
    async recordInterviewNoShow(input: { bookingId: string; sequence: number; graceMinutes: number }) {
      return dataSource.transaction(async (tx) => {
        const rows = await tx.query<[unknown[], number]>(
          `UPDATE interview_bookings b SET attendance = 'no-show', attendance_by = 'engine', attendance_at = now()
             FROM interview_slots s
            WHERE b.id = $1 AND s.id = b.slot_id AND b.sequence = $2 AND b.attendance IS NULL
              AND b.released_at IS NULL AND s.starts_at + make_interval(secs => $3::float8 * 60) <= now()
           RETURNING b.id`,
          [input.bookingId, input.sequence, input.graceMinutes],
        );
        const recorded = rows[0].length > 0;
        if (recorded) {
          await tx.query(
            `INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason)
             VALUES ($1, 'no-show', $2, 'engine', 'no attendance recorded within the grace period')`,
            [input.bookingId, input.sequence],
          );
        }
        return { recorded, booking: await bookingState(tx, await bookingById(tx, input.bookingId)) };
      });
    },

    /** One version of one panelist's interview score sheet; revisions add versions, keyed by the Update. */
    async recordInterviewScore(
      input: SubmitInterviewScoreRequest & { entryId: string; stageKey: string; updateId: string },
    ): Promise<DeskScoreReceipt> {
      const plan = await loadInterviewPlan({ entryId: input.entryId, stageKey: input.stageKey });
      return refusingAsFailure(() =>
        dataSource.transaction(async (tx) => {
          const { entry } = await entryOf(tx, input.entryId, input.stageKey);
          const { stage } = await interviewStage(tx, entry.cycleId, input.stageKey);
          const [recorded] = await tx.query<ScoreRow[]>(`SELECT * FROM interview_scores WHERE update_id = $1`, [
            input.updateId,
          ]);
          if (recorded) return receipt(recorded);
          if (stage.status !== 'open') throw new DomainError(ErrorCode.StageNotOpen, 'Interviews have closed.');
          await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
            `interview-score|${input.entryId}|${input.panelistId}`,
          ]);
          const [saved] = await tx.query<ScoreRow[]>(
            `INSERT INTO interview_scores (cycle_id, stage_key, entry_id, user_id, version, scores, comment, weighted, update_id)
             SELECT $1, $2, $3, $4, coalesce(max(version), 0) + 1, $5, $6, $7, $8
               FROM interview_scores WHERE entry_id = $3 AND stage_key = $2 AND user_id = $4
             RETURNING *`,
            [
              stage.cycleId,
              input.stageKey,
              input.entryId,
              input.panelistId,
              JSON.stringify(input.scores),
              input.comment?.trim() || null,
              weightedScore(plan.criteria, input.scores),
              input.updateId,
            ],
          );
          return receipt(saved);
        }),
      );
    },
  };
}

interface ScoreRow {
  entry_id: string;
  stage_key: string;
  user_id: string;
  version: number;
  weighted: string;
  submitted_at: Date;
}

function receipt(row: ScoreRow): DeskScoreReceipt {
  return {
    entryId: row.entry_id,
    stageKey: row.stage_key,
    evaluatorId: row.user_id,
    version: row.version,
    weighted: Number(row.weighted),
    submittedAt: new Date(row.submitted_at).toISOString(),
  };
}

export type InterviewEntryActivities = ReturnType<typeof createInterviewEntryActivities>;
