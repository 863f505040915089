import {
  markCycleCompleted,
  markCycleRunning,
  markStageClosed,
  moveStageDeadline,
  openPendingStage,
  setCyclePaused,
} from '../libs/persistence/cycles';
import { inTransaction, lockStage, type Db } from '../libs/persistence/shared';

/**
 * Keep the cycle's read model in step with its workflow. Each write is conditional on the current state,
 * so a retried activity changes nothing twice.
 */
export function createCycleStageActivities(db: Db) {
  return {
    async markCycleRunning(cycleId: string): Promise<void> {
      await markCycleRunning(db, cycleId);
    },

    async openStage(input: { cycleId: string; stageKey: string; at: string }): Promise<void> {
      await openPendingStage(db, input.cycleId, input.stageKey, new Date(input.at));
    },

    /** Takes the same row lock as registration, so an entry is either in before the close or refused after it. */
    async closeStage(input: {
      cycleId: string;
      stageKey: string;
      at: string;
      closedBy: 'schedule' | 'admin';
    }): Promise<void> {
      await inTransaction(db, async (tx) => {
        const stage = await lockStage(tx, input.cycleId, input.stageKey, 'update');
        if (!stage || stage.status === 'closed') return;
        await markStageClosed(tx, stage, new Date(input.at), input.closedBy);
      });
    },

    /** Moves the stage's deadline in the read model and keeps the change with its reason. */
    async recordDeadlineExtension(input: {
      cycleId: string;
      stageKey: string;
      previousClosesAt: string;
      closesAt: string;
      reason: string;
      requestedBy: string;
      at: string;
    }): Promise<void> {
      await inTransaction(db, async (tx) => {
        const stage = await lockStage(tx, input.cycleId, input.stageKey, 'update');
        if (!stage) throw new Error(`Cycle ${input.cycleId} has no stage "${input.stageKey}".`);
        await moveStageDeadline(tx, {
          cycleId: input.cycleId,
          stageKey: input.stageKey,
          previousClosesAt: new Date(input.previousClosesAt),
          closesAt: new Date(input.closesAt),
          reason: input.reason,
          requestedBy: input.requestedBy,
          changedAt: new Date(input.at),
        });
      });
    },

    async recordCyclePause(input: {
      cycleId: string;
      paused: boolean;
      reason: string;
      requestedBy: string;
      at: string;
    }): Promise<void> {
      await setCyclePaused(db, input.cycleId, input.paused);
    },

    async completeCycle(input: { cycleId: string; at: string }): Promise<void> {
      await markCycleCompleted(db, input.cycleId, new Date(input.at));
    },
  };
}

export type CycleStageActivities = ReturnType<typeof createCycleStageActivities>;
