import type { ResolvedTemplate } from '../../domain';
import { CycleEntity, CycleStageEntity } from '../entities';
import type { Db } from '../shared/db';

export function cycleById(db: Db, cycleId: string): Promise<CycleEntity | null> {
  return db.getRepository(CycleEntity).findOneBy({ id: cycleId });
}

/** A cycle known to exist (read by its own workflow or one of its entries). */
export function existingCycle(db: Db, cycleId: string): Promise<CycleEntity> {
  return db.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
}

export function stagesOfCycle(db: Db, cycleId: string): Promise<CycleStageEntity[]> {
  return db.getRepository(CycleStageEntity).find({ where: { cycleId }, order: { position: 'ASC' } });
}

export type CycleListRow = Pick<
  CycleEntity,
  'id' | 'programme' | 'year' | 'templateKey' | 'templateVersion' | 'status' | 'paused' | 'createdAt'
>;

/** Every cycle, newest first, without its template. */
export function cycleList(db: Db): Promise<CycleListRow[]> {
  return db.getRepository(CycleEntity).find({
    select: {
      id: true,
      programme: true,
      year: true,
      templateKey: true,
      templateVersion: true,
      status: true,
      paused: true,
      createdAt: true,
    },
    order: { createdAt: 'DESC' },
  });
}

export function latestCycleOfProgramme(db: Db, programme: string): Promise<CycleEntity | null> {
  return db.getRepository(CycleEntity).findOne({ where: { programme }, order: { year: 'DESC' } });
}

export function cycleOfTemplateVersion(
  db: Db,
  key: { programme: string; year: number; templateKey: string; templateVersion: number },
): Promise<CycleEntity | null> {
  return db.getRepository(CycleEntity).findOneBy(key);
}

/**
 * Inserts a scheduled cycle and its pending stages, from the resolved template. False, with nothing written, when a
 * cycle with that id already exists.
 */
export async function insertScheduledCycle(
  tx: Db,
  id: string,
  template: ResolvedTemplate,
  startAt: Date | null,
): Promise<boolean> {
  const inserted = await tx
    .createQueryBuilder()
    .insert()
    .into(CycleEntity)
    .values({
      id,
      programme: template.programme,
      year: template.year,
      templateKey: template.key,
      templateVersion: template.version,
      resolvedTemplate: template,
      status: 'scheduled',
      startsAt: startAt,
      paused: false,
    })
    .orIgnore()
    .execute();
  if ((inserted.raw as unknown[]).length === 0) return false;
  await tx.getRepository(CycleStageEntity).insert(
    template.stages.map((stage, position) => ({
      cycleId: id,
      key: stage.key,
      position,
      type: stage.type,
      name: stage.name,
      zone: stage.zone,
      opensAt: new Date(stage.opensAt),
      closesAt: new Date(stage.closesAt),
      status: 'pending' as const,
    })),
  );
  return true;
}

/** Removes a cycle with its stages (a launch whose workflow could not start). */
export async function deleteCycle(db: Db, cycleId: string): Promise<void> {
  await db.getRepository(CycleEntity).delete({ id: cycleId });
}

export async function markCycleRunning(db: Db, cycleId: string): Promise<void> {
  await db.getRepository(CycleEntity).update({ id: cycleId, status: 'scheduled' }, { status: 'running' });
}

export async function setCyclePaused(db: Db, cycleId: string, paused: boolean): Promise<void> {
  await db.getRepository(CycleEntity).update({ id: cycleId }, { paused });
}

export async function markCycleCompleted(db: Db, cycleId: string, at: Date): Promise<void> {
  await db
    .getRepository(CycleEntity)
    .update({ id: cycleId, status: 'running' }, { status: 'completed', completedAt: at });
}
