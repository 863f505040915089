import { AgencyEntity, CycleStageEntity, EntryEntity, ScreeningDecisionEntity } from '../entities';
import type { Db } from '../shared/db';

export type ScreeningDecisionToTell = ScreeningDecisionEntity & { entry: EntryEntity; agency: AgencyEntity };

/** The cycle's stage, or TypeORM's EntityNotFoundError. */
export function noticeStageOrFail(db: Db, cycleId: string, stageKey: string): Promise<CycleStageEntity> {
  return db.getRepository(CycleStageEntity).findOneByOrFail({ cycleId, key: stageKey });
}

/** Every agency, or with `withActiveEntryIn` only those with an active entry in that cycle; by code. */
export function agenciesToTell(db: Db, withActiveEntryIn?: string): Promise<AgencyEntity[]> {
  const agencies = db.getRepository(AgencyEntity).createQueryBuilder('agency');
  if (withActiveEntryIn) {
    agencies.where(
      `EXISTS (SELECT 1 FROM entries e WHERE e.agency_code = agency.code AND e.cycle_id = :cycleId AND e.status = 'active')`,
      { cycleId: withActiveEntryIn },
    );
  }
  return agencies.orderBy('agency.code', 'ASC').getMany();
}

/** The cycle's screening decisions with each entry and its agency, by entry id. */
export async function screeningDecisionsToTell(db: Db, cycleId: string): Promise<ScreeningDecisionToTell[]> {
  return (await db
    .getRepository(ScreeningDecisionEntity)
    .createQueryBuilder('decision')
    .innerJoinAndMapOne('decision.entry', EntryEntity, 'entry', 'entry.id = decision.entryId')
    .innerJoinAndMapOne('decision.agency', AgencyEntity, 'agency', 'agency.code = entry.agencyCode')
    .where('decision.cycleId = :cycleId', { cycleId })
    .orderBy('decision.entryId', 'ASC')
    .getMany()) as ScreeningDecisionToTell[];
}

/** The agency's notification preferences: its channels besides the inbox, and its language. */
export async function setNotificationPreferences(
  db: Db,
  code: string,
  preferences: Pick<AgencyEntity, 'channels' | 'language'>,
): Promise<void> {
  await db.getRepository(AgencyEntity).update({ code }, preferences);
}
