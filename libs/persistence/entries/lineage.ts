import type { Cluster, EarlierAchievement } from '../../domain';
import type { EntryStatus } from '../entities';
import type { Db } from '../shared/db';

/** One entry as the lineage shows it, with the result of its cycle's announced decision in force. */
export interface LineageRow {
  entryId: string;
  title: string;
  agencyCode: string;
  agencyName: string;
  cycleId: string;
  programme: string;
  year: number;
  group: string;
  cluster: Cluster;
  status: EntryStatus;
  registeredAt: Date;
  replicatesEntryId: string | null;
  /** Null before its cycle's decision is announced. */
  result: 'winner' | 'finalist' | 'not-selected' | null;
  resultDecision: string | null;
}

const LINEAGE_ROW = `
  SELECT e.id AS "entryId", e.title, e.agency_code AS "agencyCode", a.name AS "agencyName", e.cycle_id AS "cycleId",
         c.programme, c.year, e.group_key AS "group", e.cluster, e.status, e.created_at AS "registeredAt",
         e.replicates_entry_id AS "replicatesEntryId",
         CASE WHEN d.decision_number IS NOT NULL THEN coalesce(d.status, 'not-selected') END AS "result",
         d.decision_number AS "resultDecision"
    FROM entries e
    JOIN cycles c ON c.id = e.cycle_id
    JOIN agencies a ON a.code = e.agency_code
    -- The result in the announced decision in force of the entry's cycle; an entry not in it was not selected.
    LEFT JOIN LATERAL (
      SELECT p.decision_number,
             (SELECT item->>'status'
                FROM jsonb_array_elements(p.canonical_json::jsonb->'groups') cell,
                     jsonb_array_elements(cell->'entries') item
               WHERE item->>'entryId' = e.id::text) AS status
        FROM plenary_decisions p
       WHERE p.cycle_id = e.cycle_id AND p.announced_at IS NOT NULL
       ORDER BY p.sequence DESC LIMIT 1) d ON true`;
const OLDEST_FIRST = `ORDER BY c.year, a.name, e.created_at, e.id`;

/** `walk`: the entry $1 and the entries linked to it by continuesEntryId either way, at most $2 links away. */
const INNOVATION_WALK = `
  WITH RECURSIVE walk (id, path) AS (
    SELECT id, ARRAY[id] FROM entries WHERE id = $1
    UNION ALL
    SELECT next.id, walk.path || next.id
      FROM walk
      JOIN entries here ON here.id = walk.id
      JOIN entries next ON next.id = here.continues_entry_id OR next.continues_entry_id = here.id
     WHERE NOT next.id = ANY(walk.path) AND cardinality(walk.path) < $2
  )`;

/**
 * The entry and every entry linked to it by continuesEntryId, in either direction. The walk stops after
 * `maxCycles` links, so a hand-edited row that makes a loop cannot make it endless.
 */
export async function innovationEntryIds(db: Db, entryId: string, maxCycles: number): Promise<string[]> {
  const rows = await db.query<{ id: string }[]>(`${INNOVATION_WALK} SELECT DISTINCT id FROM walk`, [
    entryId,
    maxCycles,
  ]);
  return rows.map((row) => row.id);
}

/**
 * What an innovation achieved before a year, for eligibility across years: among the entry and every entry linked
 * to it by continuesEntryId (either way, as the lineage walks), those of cycles of a lower year, not withdrawn, that
 * are a winner or a finalist in their cycle's announced decision in force (a correction counts; a decision not yet
 * announced does not). Oldest first.
 */
export function earlierAchievements(
  db: Db,
  entryId: string,
  beforeYear: number,
  maxCycles: number,
): Promise<EarlierAchievement[]> {
  return db.query(
    `${INNOVATION_WALK}
     SELECT r."entryId", r.title, r."cycleId", r.programme, r.year, r.result, r."resultDecision" AS "decisionNumber"
       FROM (${LINEAGE_ROW} WHERE e.id IN (SELECT id FROM walk) AND c.year < $3 AND e.status <> 'withdrawn') r
      WHERE r.result IN ('winner', 'finalist')
      ORDER BY r.year, r."cycleId", r."entryId"`,
    [entryId, maxCycles, beforeYear],
  );
}

/** These entries, oldest cycle first. */
export function lineageRowsOf(db: Db, entryIds: string[]): Promise<LineageRow[]> {
  return db.query(`${LINEAGE_ROW} WHERE e.id = ANY($1::uuid[]) ${OLDEST_FIRST}`, [entryIds]);
}

export function lineageRowOf(db: Db, entryId: string): Promise<LineageRow[]> {
  return db.query(`${LINEAGE_ROW} WHERE e.id = $1 ${OLDEST_FIRST}`, [entryId]);
}

/** The entries, not withdrawn, that replicate any of these. */
export function replicationsOf(db: Db, entryIds: string[]): Promise<LineageRow[]> {
  return db.query(
    `${LINEAGE_ROW} WHERE e.replicates_entry_id = ANY($1::uuid[]) AND e.status <> 'withdrawn' ${OLDEST_FIRST}`,
    [entryIds],
  );
}
