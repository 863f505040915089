import { DomainError, ErrorCode } from '../../libs/domain';
import {
  bookingById,
  bookingState,
  confirmBooking,
  lockBookingVersion,
  recordAttendance,
  recordAttendanceEvent,
  recordEngineBookingEvent,
  recordNoShow,
  releaseBooking,
  settledAtCutOff,
} from '../../libs/persistence/interview';
import { inTransaction, type Db } from '../../libs/persistence/shared';
import type { InterviewAttendanceRequest } from '../../workflows/entry.messages';
import { refusingAsFailure } from '../business-failure';

/** The agency's confirmation, the cut-off's settlement, the panel's attendance and the engine's no-show. */
export function createInterviewBookingChangeActivities(db: Db) {
  return {
    async confirmInterviewBooking(input: { bookingId: string; requestedBy: string; updateId: string }) {
      return refusingAsFailure(() =>
        inTransaction(db, async (tx) => {
          await confirmBooking(tx, input.bookingId, input.requestedBy, input.updateId);
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
      return inTransaction(db, async (tx) => {
        const row = await lockBookingVersion(tx, input.bookingId);
        const untouched = row.sequence === input.sequence && !row.confirmedAt && !row.releasedAt;
        if (untouched && !(await settledAtCutOff(tx, input.bookingId, input.sequence))) {
          const release = input.policy === 'release';
          const reason = release
            ? 'not confirmed by the cut-off; the slot is free for others'
            : 'not confirmed by the cut-off; kept as the template says';
          if (release) await releaseBooking(tx, input.bookingId, reason);
          await recordEngineBookingEvent(tx, {
            bookingId: input.bookingId,
            kind: release ? 'released' : 'kept-unconfirmed',
            sequence: input.sequence,
            reason,
          });
        }
        const after = await bookingById(tx, input.bookingId);
        return { released: after.releasedAt !== null, sequence: after.sequence };
      });
    },

    async recordInterviewAttendance(input: InterviewAttendanceRequest & { bookingId: string; updateId: string }) {
      return refusingAsFailure(() =>
        inTransaction(db, async (tx) => {
          const recorded = await recordAttendance(tx, input.bookingId, input.attendance, input.panelistId);
          const booking = await bookingById(tx, input.bookingId);
          if (recorded) {
            await recordAttendanceEvent(tx, {
              bookingId: input.bookingId,
              sequence: booking.sequence,
              panelistId: input.panelistId,
              attendance: input.attendance,
              updateId: input.updateId,
            });
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
      return inTransaction(db, async (tx) => {
        const recorded = await recordNoShow(tx, input.bookingId, input.sequence, input.graceMinutes);
        return { recorded, booking: await bookingState(tx, await bookingById(tx, input.bookingId)) };
      });
    },
  };
}
