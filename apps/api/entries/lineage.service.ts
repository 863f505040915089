import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../../libs/domain';
import { EntriesService } from './entries.service';
import type { LineageDto, LineageItemDto } from './lineage.response.dto';

/**
 * How far the walk along continuesEntryId goes. Registration only links to an earlier year, so the links never
 * loop; the limit (and the path check) keeps a hand-edited row from making the walk endless.
 */
const MAX_CYCLES = 200;

interface LineageRow extends LineageItemDto {
  replicatesEntryId: string | null;
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

/** An innovation's entries across cycles, the original it replicates, and the entries that replicate it. */
@Injectable()
export class LineageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entries: EntriesService,
  ) {}

  async lineage(entryId: string, by: Principal): Promise<LineageDto> {
    await this.entries.visibleEntry(entryId, by);
    const chainIds = await this.innovationIds(entryId);
    const chain = await this.rows(`WHERE e.id = ANY($1::uuid[])`, [chainIds]);
    const entry = chain.find((row) => row.entryId === entryId)!;
    // A withdrawn entry took no part in its cycle; it is listed only when it is the one asked about.
    const innovation = chain.filter((row) => row.entryId === entryId || row.status !== 'withdrawn');
    const originalId = nearestOriginal(innovation, entry);
    const [original] = originalId ? await this.rows(`WHERE e.id = $1`, [originalId]) : [];
    const replications = await this.rows(`WHERE e.replicates_entry_id = ANY($1::uuid[]) AND e.status <> 'withdrawn'`, [
      chainIds,
    ]);
    const shown = (row: LineageRow) => item(row, by);
    return {
      entry: shown(entry),
      innovation: innovation.map(shown),
      original: original ? shown(original) : null,
      replications: replications.map(shown),
    };
  }

  /** The entry and every entry linked to it by continuesEntryId, in either direction. */
  private async innovationIds(entryId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE walk (id, path) AS (
         SELECT id, ARRAY[id] FROM entries WHERE id = $1
         UNION ALL
         SELECT next.id, walk.path || next.id
           FROM walk
           JOIN entries here ON here.id = walk.id
           JOIN entries next ON next.id = here.continues_entry_id OR next.continues_entry_id = here.id
          WHERE NOT next.id = ANY(walk.path) AND cardinality(walk.path) < $2
       )
       SELECT DISTINCT id FROM walk`,
      [entryId, MAX_CYCLES],
    );
    return rows.map((row) => row.id);
  }

  private rows(where: string, params: unknown[]): Promise<LineageRow[]> {
    return this.dataSource.query(`${LINEAGE_ROW} ${where} ${OLDEST_FIRST}`, params);
  }
}

/** The original named by the innovation's entry nearest in years to this one; of two as near, the earlier. */
function nearestOriginal(innovation: LineageRow[], entry: LineageRow): string | null {
  const distance = (row: LineageRow) => Math.abs(row.year - entry.year);
  const naming = innovation
    .filter((row) => row.replicatesEntryId !== null)
    .sort((a, b) => distance(a) - distance(b) || a.year - b.year);
  return naming[0]?.replicatesEntryId ?? null;
}

/**
 * Public facts only. Winners are public once announced; whether another agency's entry was a finalist or not
 * selected is that agency's to know, so only admins, auditors and the agency itself read it.
 */
function item({ replicatesEntryId: _, ...rest }: LineageRow, by: Principal): LineageItemDto {
  const ownResult = by.role === 'admin' || by.role === 'auditor' || by.agencyCode === rest.agencyCode;
  if (ownResult || rest.result === 'winner' || rest.result === null) return rest;
  return { ...rest, result: null, resultDecision: null };
}
