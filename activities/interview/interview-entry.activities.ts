import type { Db } from '../../libs/persistence/shared';
import type { MoveInterviewRequest, SubmitInterviewScoreRequest } from '../../workflows/entry.messages';
import { createInterviewBookingChangeActivities } from './interview-booking-changes';
import { moveInterviewBooking } from './interview-move';
import { loadInterviewPlan } from './interview-plan';
import { recordInterviewScore } from './interview-scores';

export type { SlotAlternative } from './interview-slot-fit';

/** The entry workflow's side of the interview: its plan, and every change to its booking and its score sheets. */
export function createInterviewEntryActivities(db: Db) {
  return {
    loadInterviewPlan: (input: { entryId: string; stageKey: string }) => loadInterviewPlan(db, input),
    moveInterviewBooking: (input: MoveInterviewRequest & { entryId: string; stageKey: string; updateId: string }) =>
      moveInterviewBooking(db, input),
    ...createInterviewBookingChangeActivities(db),
    recordInterviewScore: (
      input: SubmitInterviewScoreRequest & { entryId: string; stageKey: string; updateId: string },
    ) => recordInterviewScore(db, input),
  };
}

export type InterviewEntryActivities = ReturnType<typeof createInterviewEntryActivities>;
