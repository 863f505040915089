import { In } from 'typeorm';
import type { AgencyProfile } from '../../domain/agency/agency-profile';
import { AgencyEntity } from '../entities';
import type { Db } from '../shared/db';

/** Registering agencies and looking them up by code. */

export function agencyByCode(db: Db, code: string): Promise<AgencyEntity | null> {
  return db.getRepository(AgencyEntity).findOneBy({ code });
}

/** An agency known to exist (named by an entry or just inserted). */
export function existingAgency(db: Db, code: string): Promise<AgencyEntity> {
  return db.getRepository(AgencyEntity).findOneByOrFail({ code });
}

export function agencyExists(db: Db, code: string): Promise<boolean> {
  return db.getRepository(AgencyEntity).existsBy({ code });
}

export function allAgencies(db: Db): Promise<AgencyEntity[]> {
  return db.getRepository(AgencyEntity).find({ order: { code: 'ASC' } });
}

/** Which of these codes are registered already. */
export async function registeredAgencyCodes(db: Db, codes: string[]): Promise<Set<string>> {
  const taken = await db.getRepository(AgencyEntity).findBy({ code: In(codes) });
  return new Set(taken.map((agency) => agency.code));
}

/** Registers the agency; false, with nothing written, when its code is taken. */
export async function insertAgencyUnlessTaken(db: Db, profile: AgencyProfile): Promise<boolean> {
  const result = await db.createQueryBuilder().insert().into(AgencyEntity).values(profile).orIgnore().execute();
  return (result.raw as unknown[]).length > 0;
}

/** Inserts every profile, in batches of 500 rows; a taken code fails the whole call with a unique violation. */
export async function insertAgencies(tx: Db, profiles: AgencyProfile[]): Promise<void> {
  for (let start = 0; start < profiles.length; start += 500) {
    await tx.getRepository(AgencyEntity).insert(profiles.slice(start, start + 500));
  }
}
