import { rubricFor } from '../../libs/domain';
import { bookingState, interviewStage, liveBooking } from '../../libs/persistence/interview';
import type { Db } from '../../libs/persistence/shared';
import type { InterviewPlan } from '../../workflows/entry.messages';
import { existingEntry } from '../../libs/persistence/entries';

/** What the entry workflow needs of its interview stage: the template's timings, the rubric, its live booking. */
export async function loadInterviewPlan(db: Db, input: { entryId: string; stageKey: string }): Promise<InterviewPlan> {
  const entry = await existingEntry(db, input.entryId);
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
}
