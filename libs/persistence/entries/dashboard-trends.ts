import type { Db } from '../shared';

export interface DayCount {
  /** The date in WIB, the ministry's zone: `2026-12-04`. */
  day: string;
  registrations: number;
  drafts: number;
}

/** Entries registered and drafts started in a cycle, per day (WIB), oldest first; days with neither are absent. */
export async function registrationsByDay(db: Db, cycleId: string): Promise<DayCount[]> {
  return db.query<DayCount[]>(
    `WITH registered AS (
       SELECT (created_at AT TIME ZONE 'Asia/Jakarta')::date AS day, count(*)::int AS n
       FROM entries WHERE cycle_id = $1 GROUP BY 1
     ), drafted AS (
       SELECT (created_at AT TIME ZONE 'Asia/Jakarta')::date AS day, count(*)::int AS n
       FROM entry_drafts WHERE cycle_id = $1 GROUP BY 1
     )
     SELECT to_char(coalesce(registered.day, drafted.day), 'YYYY-MM-DD') AS day,
            coalesce(registered.n, 0) AS registrations, coalesce(drafted.n, 0) AS drafts
     FROM registered FULL JOIN drafted ON registered.day = drafted.day
     ORDER BY 1`,
    [cycleId],
  );
}
