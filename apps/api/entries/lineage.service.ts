import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import {
  innovationEntryIds,
  lineageRowOf,
  lineageRowsOf,
  replicationsOf,
  type LineageRow,
} from '../../../libs/persistence/entries';
import type { Db } from '../../../libs/persistence/shared';
import { EntriesService } from './entries.service';
import type { LineageDto, LineageItemDto } from './lineage.response.dto';

/**
 * How far the walk along continuesEntryId goes. Registration only links to an earlier year, so the links never
 * loop; the limit (and the path check) keeps a hand-edited row from making the walk endless.
 */
const MAX_CYCLES = 200;

/** An innovation's entries across cycles, the original it replicates, and the entries that replicate it. */
@Injectable()
export class LineageService {
  constructor(
    @Inject(DB) private readonly db: Db,
    private readonly entries: EntriesService,
  ) {}

  async lineage(entryId: string, by: Principal): Promise<LineageDto> {
    const asked = await this.entries.visibleEntry(entryId, by);
    const chainIds = await innovationEntryIds(this.db, entryId, MAX_CYCLES);
    const chain = await lineageRowsOf(this.db, chainIds);
    const entry = chain.find((row) => row.entryId === entryId)!;
    // A withdrawn entry took no part in its cycle; it is listed only when it is the one asked about.
    const innovation = chain.filter((row) => row.entryId === entryId || row.status !== 'withdrawn');
    const originalId = nearestOriginal(innovation, entry);
    const [original] = originalId ? await lineageRowOf(this.db, originalId) : [];
    const replications = await replicationsOf(this.db, chainIds);
    const shown = (row: LineageRow) => item(row, by);
    const lineage = {
      entry: shown(entry),
      innovation: innovation.map(shown),
      original: original ? shown(original) : null,
      replications: replications.map(shown),
    };
    return this.entries.asReader(lineage, asked.cycleId, by);
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
 * Public facts only. What the competition publishes about an entry is what its nominee list and its announced
 * results name (`GET /cycles/{id}/nominees`, `GET /cycles/{id}/results`): title, agency, cycle, cluster and group,
 * and that it won. So of another agency's entry a lineage shows those, and its result only when it won; its status
 * (eliminated, withdrawn), its registration time and whether it was a finalist or not selected are that agency's to
 * know, and only admins, auditors and the agency itself read them.
 */
function item({ replicatesEntryId: _, ...row }: LineageRow, by: Principal): LineageItemDto {
  if (by.role === 'admin' || by.role === 'auditor' || by.agencyCode === row.agencyCode) return row;
  const won = row.result === 'winner';
  return {
    entryId: row.entryId,
    title: row.title,
    agencyCode: row.agencyCode,
    agencyName: row.agencyName,
    cycleId: row.cycleId,
    programme: row.programme,
    year: row.year,
    group: row.group,
    cluster: row.cluster,
    result: won ? row.result : null,
    resultDecision: won ? row.resultDecision : null,
  };
}
