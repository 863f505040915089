import { draftReminderHours } from '../libs/domain';
import { existingCycle, existingStageOfType } from '../libs/persistence/cycles';
import type { Db } from '../libs/persistence/shared';

export interface DraftReminderPlan {
  /** The submission deadline as it stands now; null once submission has closed (nothing more to remind of). */
  closesAt: string | null;
  /** The template's offsets before the deadline, largest first. */
  hoursBefore: number[];
}

/** What the draft reminders of a cycle need to know, read afresh each time: an extension moves the deadline. */
export function createDraftActivities(db: Db) {
  return {
    async draftReminderPlan(cycleId: string): Promise<DraftReminderPlan> {
      const cycle = await existingCycle(db, cycleId);
      const submission = await existingStageOfType(db, cycleId, 'submission');
      const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === submission.key);
      return {
        closesAt: submission.status === 'closed' ? null : submission.closesAt.toISOString(),
        hoursBefore: draftReminderHours(stage?.params),
      };
    },
  };
}

export type DraftActivities = ReturnType<typeof createDraftActivities>;
