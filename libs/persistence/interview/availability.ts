import type { Db } from '../shared/db';

/** Replaces the days an agency declared it cannot present in a cycle. */
export async function replaceUnavailableDays(
  tx: Db,
  cycleId: string,
  agencyCode: string,
  days: string[],
  declaredBy: string,
): Promise<void> {
  await tx.query(`DELETE FROM interview_unavailable_days WHERE cycle_id = $1 AND agency_code = $2`, [
    cycleId,
    agencyCode,
  ]);
  if (days.length > 0) {
    await tx.query(
      `INSERT INTO interview_unavailable_days (cycle_id, agency_code, day, declared_by)
       SELECT $1, $2, unnest($3::date[]), $4`,
      [cycleId, agencyCode, days, declaredBy],
    );
  }
}
