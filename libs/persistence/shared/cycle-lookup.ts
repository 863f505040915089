import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../domain/error-codes';
import { CycleEntity } from '../entities';

/** The cycle, or the 404 every route answers for a cycle that does not exist (CYCLE.NOT_FOUND). */
export async function cycleOrNotFound(manager: EntityManager, cycleId: string): Promise<CycleEntity> {
  const cycle = await manager.getRepository(CycleEntity).findOneBy({ id: cycleId });
  if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
  return cycle;
}
