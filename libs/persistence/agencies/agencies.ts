import { In } from 'typeorm';
import { AgencyEntity } from '../entities';
import type { Db } from '../shared/db';

/** The agencies with these codes, by code (codes that name no agency are left out). */
export async function agenciesByCode(db: Db, codes: string[]): Promise<Map<string, AgencyEntity>> {
  // An empty `In` list would mean no condition at all.
  const found = codes.length === 0 ? [] : await db.getRepository(AgencyEntity).findBy({ code: In(codes) });
  return new Map(found.map((agency) => [agency.code, agency]));
}
