import type { DataSource } from 'typeorm';
import { CycleEntity, CycleStageEntity, StageDeadlineChangeEntity } from '../libs/persistence';

/**
 * Keep the cycle's read model in step with its workflow. Each write is conditional on the current state,
 * so a retried activity changes nothing twice.
 */
export function createCycleStageActivities(dataSource: DataSource) {
  return {
    async markCycleRunning(cycleId: string): Promise<void> {
      await dataSource.getRepository(CycleEntity).update({ id: cycleId, status: 'scheduled' }, { status: 'running' });
    },

    async openStage(input: { cycleId: string; stageKey: string; at: string }): Promise<void> {
      await dataSource
        .getRepository(CycleStageEntity)
        .update(
          { cycleId: input.cycleId, key: input.stageKey, status: 'pending' },
          { status: 'open', openedAt: new Date(input.at) },
        );
    },

    /** Takes the same row lock as registration, so an entry is either in before the close or refused after it. */
    async closeStage(input: {
      cycleId: string;
      stageKey: string;
      at: string;
      closedBy: 'schedule' | 'admin';
    }): Promise<void> {
      await dataSource.transaction(async (tx) => {
        const stage = await tx.getRepository(CycleStageEntity).findOne({
          where: { cycleId: input.cycleId, key: input.stageKey },
          lock: { mode: 'pessimistic_write' },
        });
        if (!stage || stage.status === 'closed') return;
        await tx.getRepository(CycleStageEntity).update(
          { cycleId: input.cycleId, key: input.stageKey },
          {
            status: 'closed',
            closedAt: new Date(input.at),
            closedBy: input.closedBy,
            openedAt: stage.openedAt ?? new Date(input.at),
          },
        );
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
      await dataSource.transaction(async (tx) => {
        await tx.getRepository(CycleStageEntity).findOneOrFail({
          where: { cycleId: input.cycleId, key: input.stageKey },
          lock: { mode: 'pessimistic_write' },
        });
        const closesAt = new Date(input.closesAt);
        await tx.getRepository(CycleStageEntity).update({ cycleId: input.cycleId, key: input.stageKey }, { closesAt });
        await tx
          .createQueryBuilder()
          .insert()
          .into(StageDeadlineChangeEntity)
          .values({
            cycleId: input.cycleId,
            stageKey: input.stageKey,
            previousClosesAt: new Date(input.previousClosesAt),
            closesAt,
            reason: input.reason,
            requestedBy: input.requestedBy,
            changedAt: new Date(input.at),
          })
          .orIgnore()
          .execute();
      });
    },

    async recordCyclePause(input: {
      cycleId: string;
      paused: boolean;
      reason: string;
      requestedBy: string;
      at: string;
    }): Promise<void> {
      await dataSource.getRepository(CycleEntity).update({ id: input.cycleId }, { paused: input.paused });
    },

    async completeCycle(input: { cycleId: string; at: string }): Promise<void> {
      await dataSource
        .getRepository(CycleEntity)
        .update({ id: input.cycleId, status: 'running' }, { status: 'completed', completedAt: new Date(input.at) });
    },
  };
}

export type CycleStageActivities = ReturnType<typeof createCycleStageActivities>;
