import { DomainError, ErrorCode, interviewCutOff } from '../../libs/domain';
import { isUniqueViolation } from '../../libs/persistence';
import {
  bookingById,
  bookingChangedBy,
  bookingState,
  entryWithAgency,
  followPanelAccess,
  insertBooking,
  interviewStage,
  lockAgencyPresentations,
  lockLiveBooking,
  moveBooking,
  slotOfStage,
} from '../../libs/persistence/interview';
import { inTransaction, type Db, databaseNow } from '../../libs/persistence/shared';
import type { InterviewBooking, MoveInterviewRequest } from '../../workflows/entry.messages';
import { refusingAsFailure } from '../business-failure';
import { alternatives, slotFitFor, type Candidate } from './interview-slot-fit';

type MoveInput = MoveInterviewRequest & { entryId: string; stageKey: string; updateId: string };

/**
 * Moves the entry's booking to a free slot (same booking, SEQUENCE raised), or books one when it has none. The
 * database has the last word: a partial unique index forbids two live bookings of one slot, so of two agencies
 * asking for the same free slot one wins and the other is refused with the free slots it could take instead.
 *
 * A move by the agency confirms the new slot (the agency chose it); one by the secretariat awaits the agency's
 * confirmation, unless the slot is already inside its cut-off. Either way the booking then shows who moved it and why.
 */
export async function moveInterviewBooking(db: Db, input: MoveInput): Promise<InterviewBooking> {
  const { entry, agency } = await entryWithAgency(db, input.entryId);
  const candidate: Candidate = { entry, stageKey: input.stageKey, zone: agency.zone };
  try {
    return await refusingAsFailure(() => inTransaction(db, (tx) => moveInside(tx, candidate, input)));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another booking took the slot first (the partial unique index decided): offer what is still free.
    const offered = await alternatives(db, candidate, input.byAdmin, await databaseNow(db));
    return refusingAsFailure(() => {
      throw new DomainError(
        ErrorCode.SlotTaken,
        `That slot was just taken by another entry; ${offered.length} free slot(s) you could take are listed in "alternatives".`,
        [],
        { alternatives: offered },
      );
    });
  }
}

async function moveInside(tx: Db, candidate: Candidate, input: MoveInput): Promise<InterviewBooking> {
  const { entry } = candidate;
  const done = await bookingChangedBy(tx, input.updateId);
  if (done) return (await bookingState(tx, await bookingById(tx, done)))!;
  // An agency's bookings in other cycles decide which slots fit: none may change until this booking is written.
  await lockAgencyPresentations(tx, [entry.agencyCode]);
  const { stage, params } = await interviewStage(tx, entry.cycleId, input.stageKey);
  if (stage.status !== 'open') throw new DomainError(ErrorCode.StageNotOpen, 'Interviews have closed.');
  const slot = await slotOfStage(tx, input.slotId, entry.cycleId, input.stageKey);
  if (!slot) throw new DomainError(ErrorCode.SlotNotFound, 'No such interview slot in this stage.');
  const current = await lockLiveBooking(tx, input.entryId, input.stageKey);
  // Asked twice (a repeated click queued behind the first): the entry already has the slot.
  if (current?.slotId === input.slotId) return (await bookingState(tx, await bookingById(tx, current.id)))!;
  const at = await databaseNow(tx);
  const cutOffPassed = (startsAt: Date) => at.getTime() >= interviewCutOff(startsAt, params).getTime();
  if (current?.attendance) {
    throw new DomainError(ErrorCode.AttendanceRecorded, 'The interview has already taken place.');
  }
  if (!input.byAdmin && current && cutOffPassed(current.startsAt)) {
    throw new DomainError(ErrorCode.CutOffPassed, 'The cut-off for moving this slot has passed.');
  }
  if (input.byAdmin ? at >= new Date(slot.startsAt) : cutOffPassed(slot.startsAt)) {
    throw new DomainError(ErrorCode.CutOffPassed, 'That slot is too soon to book; choose a later one.');
  }
  const why = (await slotFitFor(tx, candidate, input.byAdmin))(slot);
  if (why) throw new DomainError(ErrorCode.SlotUnfit, `That slot cannot take this entry: ${why}.`);
  // The agency chose the slot itself; one the secretariat books inside the cut-off cannot await a confirmation.
  const confirmedAt = !input.byAdmin || cutOffPassed(slot.startsAt) ? at : null;
  const change = {
    slotId: input.slotId,
    bookedBy: input.requestedBy,
    confirmedAt,
    eventReason: input.reason ?? null,
    updateId: input.updateId,
  };
  const bookingId = current
    ? (await moveBooking(tx, { ...change, bookingId: current.id, reason: moveReason(input) }), current.id)
    : await insertBooking(tx, {
        ...change,
        cycleId: entry.cycleId,
        stageKey: input.stageKey,
        entryId: input.entryId,
        reason: input.byAdmin ? `booked by the secretariat: ${input.reason}` : 'chosen by the agency',
      });
  await followPanelAccess(tx, entry.cycleId, input.stageKey, bookingId);
  return (await bookingState(tx, await bookingById(tx, bookingId)))!;
}

/** The booking's reason once moved: who moved it, and the reason they gave. */
function moveReason(input: MoveInput): string {
  if (input.byAdmin) return `moved by the secretariat: ${input.reason}`;
  return input.reason ? `moved by the agency: ${input.reason}` : 'moved by the agency';
}
