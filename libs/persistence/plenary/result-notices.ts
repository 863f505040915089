import type { Db } from '../shared/db';

export interface ResultNoticeEntryRow {
  id: string;
  title: string;
  agency_code: string;
}

/** Entries whose agencies hear of the cycle's results: every one not withdrawn, by id. */
export async function entriesToTellOfResults(db: Db, cycleId: string): Promise<ResultNoticeEntryRow[]> {
  return db.query<ResultNoticeEntryRow[]>(
    `SELECT id, title, agency_code FROM entries WHERE cycle_id = $1 AND status <> 'withdrawn' ORDER BY id`,
    [cycleId],
  );
}
