import type { SelectQueryBuilder } from 'typeorm';
import { EntryEntity } from '../entities';
import type { Db } from '../shared/db';

/** Which of a cycle's entries a list shows; `agencyCode` and `assignedTo` narrow it to what the caller may see. */
export interface EntryListFilter {
  stage?: string;
  cluster?: string;
  group?: string;
  status?: string;
  agencyCode?: string;
  assignedTo?: string;
  /** Text the title contains, in any letter case (`%` and `_` match themselves). */
  search?: string;
}

/** A page of the list, oldest registration first, and how many entries the whole list has. */
export function entryListPage(
  db: Db,
  cycleId: string,
  filter: EntryListFilter,
  page: { skip: number; take: number },
): Promise<[EntryEntity[], number]> {
  return listed(db, cycleId, filter).skip(page.skip).take(page.take).getManyAndCount();
}

export function entryListAll(db: Db, cycleId: string, filter: EntryListFilter): Promise<EntryEntity[]> {
  return listed(db, cycleId, filter).getMany();
}

function listed(db: Db, cycleId: string, filter: EntryListFilter): SelectQueryBuilder<EntryEntity> {
  const builder = db
    .getRepository(EntryEntity)
    .createQueryBuilder('entry')
    .where('entry.cycleId = :cycleId', { cycleId });
  if (filter.stage) builder.andWhere('entry.currentStage = :stage', { stage: filter.stage });
  if (filter.cluster) builder.andWhere('entry.cluster = :cluster', { cluster: filter.cluster });
  if (filter.group) builder.andWhere('entry.groupKey = :group', { group: filter.group });
  if (filter.status) builder.andWhere('entry.status = :status', { status: filter.status });
  if (filter.search) {
    builder.andWhere(`entry.title ILIKE :search ESCAPE '\\'`, {
      search: `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`,
    });
  }
  if (filter.agencyCode !== undefined) builder.andWhere('entry.agencyCode = :agency', { agency: filter.agencyCode });
  if (filter.assignedTo !== undefined) {
    builder.andWhere('EXISTS (SELECT 1 FROM entry_assignments a WHERE a.entry_id = entry.id AND a.user_id = :user)', {
      user: filter.assignedTo,
    });
  }
  return builder.orderBy('entry.createdAt', 'ASC').addOrderBy('entry.id', 'ASC');
}

export interface EntryCountRow {
  key: string;
  status: string;
  count: number;
}

const COUNT_COLUMNS = { stage: 'current_stage', cluster: 'cluster', group: 'group_key' } as const;

/** How many of the cycle's entries have each value of the column, per status. */
export function entryCountsBy(db: Db, cycleId: string, by: keyof typeof COUNT_COLUMNS): Promise<EntryCountRow[]> {
  return db.query<EntryCountRow[]>(
    `SELECT ${COUNT_COLUMNS[by]} AS key, status, count(*)::int AS count FROM entries WHERE cycle_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
    [cycleId],
  );
}
