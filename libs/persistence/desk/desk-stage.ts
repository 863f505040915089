import { existingCycle } from '../cycles/cycles';
import { In } from 'typeorm';
import { deskParams, type DeskParams, type ResolvedStage } from '../../domain';
import { CycleEntity, CycleStageEntity } from '../entities';
import type { Db } from '../shared/db';

/** A cycle's stage of the given key and its parameters read with the engine's defaults. */
export async function deskStage(
  db: Db,
  cycleId: string,
  stageKey: string,
): Promise<{ cycle: CycleEntity; stage: ResolvedStage; params: DeskParams }> {
  const cycle = await existingCycle(db, cycleId);
  const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === stageKey);
  if (!stage) throw new Error(`cycle ${cycleId} has no stage ${stageKey}`);
  return { cycle, stage, params: deskParams(stage.params) };
}

/** The cycle's desk stage row while it is open, or null; `lock` holds it shared until the transaction ends. */
export function openDeskStageRow(db: Db, cycleId: string, lock: boolean): Promise<CycleStageEntity | null> {
  return db.getRepository(CycleStageEntity).findOne({
    where: { cycleId, type: 'desk-evaluation', status: 'open' },
    ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
  });
}

/** Whether the cycle's desk evaluation has opened (open now or closed). */
export function deskEvaluationHasOpened(db: Db, cycleId: string): Promise<boolean> {
  return db
    .getRepository(CycleStageEntity)
    .existsBy({ cycleId, type: 'desk-evaluation', status: In(['open', 'closed']) });
}
