import type { StageType } from '../../domain';
import { CycleStageEntity, StageDeadlineChangeEntity } from '../entities';
import type { Db } from '../shared/db';

export function stageOfType(db: Db, cycleId: string, type: StageType): Promise<CycleStageEntity | null> {
  return db.getRepository(CycleStageEntity).findOneBy({ cycleId, type });
}

/** The stage of that type, known to exist in the cycle (every cycle has a submission stage). */
export function existingStageOfType(db: Db, cycleId: string, type: StageType): Promise<CycleStageEntity> {
  return db.getRepository(CycleStageEntity).findOneByOrFail({ cycleId, type });
}

/** Opens the stage if it is still pending. */
export async function openPendingStage(db: Db, cycleId: string, stageKey: string, at: Date): Promise<void> {
  await db
    .getRepository(CycleStageEntity)
    .update({ cycleId, key: stageKey, status: 'pending' }, { status: 'open', openedAt: at });
}

export async function markStageClosed(
  tx: Db,
  stage: CycleStageEntity,
  at: Date,
  closedBy: 'schedule' | 'admin',
): Promise<void> {
  await tx
    .getRepository(CycleStageEntity)
    .update(
      { cycleId: stage.cycleId, key: stage.key },
      { status: 'closed', closedAt: at, closedBy, openedAt: stage.openedAt ?? at },
    );
}

export interface DeadlineChange {
  cycleId: string;
  stageKey: string;
  previousClosesAt: Date;
  closesAt: Date;
  reason: string;
  requestedBy: string;
  changedAt: Date;
}

/** Moves the stage's deadline and keeps the change; the same change recorded twice is kept once. */
export async function moveStageDeadline(tx: Db, change: DeadlineChange): Promise<void> {
  await tx
    .getRepository(CycleStageEntity)
    .update({ cycleId: change.cycleId, key: change.stageKey }, { closesAt: change.closesAt });
  await tx.createQueryBuilder().insert().into(StageDeadlineChangeEntity).values(change).orIgnore().execute();
}
