import type { DataSource } from 'typeorm';
import { deadlineExtendedNotice, formatInZone } from '../libs/domain';
import { AgencyEntity, CycleEntity, CycleStageEntity, StageDeadlineChangeEntity } from '../libs/persistence';
import { writeNotices } from './notices';

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

    /**
     * Moves the stage's deadline in the read model, keeps the change with its reason, and tells the agencies it
     * concerns: every agency while submission is open (any may still register), else those with active entries.
     */
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
        const stage = await tx.getRepository(CycleStageEntity).findOneOrFail({
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
        const agencies =
          stage.type === 'submission'
            ? await tx.getRepository(AgencyEntity).find()
            : await tx
                .getRepository(AgencyEntity)
                .createQueryBuilder('agency')
                .where(
                  `EXISTS (SELECT 1 FROM entries e WHERE e.agency_code = agency.code AND e.cycle_id = :cycleId AND e.status = 'active')`,
                  { cycleId: input.cycleId },
                )
                .getMany();
        await writeNotices(
          tx,
          `${input.cycleId}/deadline/${input.stageKey}/${closesAt.toISOString()}`,
          'stage-deadline-extended',
          agencies,
          (agency) =>
            deadlineExtendedNotice(agency.language, {
              cycleId: input.cycleId,
              stageName: stage.name,
              closesAtLocal: formatInZone(closesAt, agency.zone),
              reason: input.reason,
            }),
        );
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
