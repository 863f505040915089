import { CycleStageEntity, SelectionEntity, SelectionOutcomeEntity } from '../entities';
import type { Db } from '../shared/db';
import { advisoryLock, LockNamespace } from '../shared/locks';

/** Selections of one cycle's selection stage are written one at a time. */
export function lockSelections(tx: Db, cycleId: string, stageKey: string): Promise<void> {
  return advisoryLock(tx, LockNamespace.Selection, `${cycleId}|${stageKey}`);
}

/** The latest selection of a cycle's selection stage, or null before there is one. */
export function latestSelection(db: Db, cycleId: string, stageKey: string): Promise<SelectionEntity | null> {
  return db.getRepository(SelectionEntity).findOne({ where: { cycleId, stageKey }, order: { version: 'DESC' } });
}

/** A numbered version of a cycle's selection, or null. */
export function selectionVersion(
  db: Db,
  cycleId: string,
  stageKey: string,
  version: number,
): Promise<SelectionEntity | null> {
  return db.getRepository(SelectionEntity).findOneBy({ cycleId, stageKey, version });
}

/** The cycle's selection written for this reason, or null. */
export function selectionWithReason(db: Db, cycleId: string, reason: string): Promise<SelectionEntity | null> {
  return db.getRepository(SelectionEntity).findOneBy({ cycleId, reason });
}

/** The stage row of a cycle's stage (which must exist). */
export function stageRowOrFail(db: Db, cycleId: string, stageKey: string): Promise<CycleStageEntity> {
  return db.getRepository(CycleStageEntity).findOneByOrFail({ cycleId, key: stageKey });
}

export interface SelectionCandidateRow {
  id: string;
  title: string;
  cluster: string;
  group_key: string;
  region_3t: boolean;
  /** Null when no desk result was recorded for it. */
  score: string | null;
  launch_date: string | null;
  created_at: Date;
  replications: number;
}

/** The cycle's active entries with what ranking needs: desk result of the given stage, 3T region, replications. */
export function selectionCandidates(db: Db, cycleId: string, deskStageKey: string): Promise<SelectionCandidateRow[]> {
  return db.query<SelectionCandidateRow[]>(
    `SELECT e.id, e.title, e.cluster, e.group_key, a.region_3t, r.score, to_char(e.launch_date, 'YYYY-MM-DD') AS launch_date,
            e.created_at, (SELECT count(*)::int FROM entries c WHERE c.replicates_entry_id = e.id AND c.status <> 'withdrawn') AS replications
       FROM entries e JOIN agencies a ON a.code = e.agency_code
       LEFT JOIN desk_results r ON r.entry_id = e.id AND r.stage_key = $2
      WHERE e.cycle_id = $1 AND e.status = 'active'`,
    [cycleId, deskStageKey],
  );
}

export function insertSelection(
  tx: Db,
  selection: Pick<SelectionEntity, 'cycleId' | 'stageKey' | 'version' | 'reason' | 'rules' | 'createdBy'>,
): Promise<SelectionEntity> {
  return tx.getRepository(SelectionEntity).save(selection);
}

export async function insertSelectionOutcomes(tx: Db, outcomes: SelectionOutcomeEntity[]): Promise<void> {
  for (let start = 0; start < outcomes.length; start += 1000) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(SelectionOutcomeEntity)
      .values(outcomes.slice(start, start + 1000))
      .execute();
  }
}

/** Entry ids selected in a selection. */
export async function selectedIn(db: Db, selectionId: string): Promise<Set<string>> {
  const rows = await db.getRepository(SelectionOutcomeEntity).findBy({ selectionId, selected: true });
  return new Set(rows.map((row) => row.entryId));
}

export interface SelectionOutcomeView {
  entryId: string;
  title: string;
  agencyName: string;
  agencyCode: string;
  cluster: string;
  group: string;
  score: number;
  overallRank: number;
  rankInCell: number;
  selected: boolean;
  via3T: boolean;
  explanation: string;
}

/** A selection's outcomes (the selected ones only, when asked) with their entries and agencies, by overall rank. */
export function selectionOutcomesView(
  db: Db,
  selectionId: string,
  selectedOnly: boolean,
): Promise<SelectionOutcomeView[]> {
  return db.query<SelectionOutcomeView[]>(
    `SELECT o.entry_id AS "entryId", e.title, a.name AS "agencyName", e.agency_code AS "agencyCode", e.cluster,
            e.group_key AS "group", o.score::float8 AS score, o.overall_rank AS "overallRank",
            o.rank_in_cell AS "rankInCell", o.selected, o.via_3t AS "via3T", o.explanation
       FROM selection_outcomes o JOIN entries e ON e.id = o.entry_id JOIN agencies a ON a.code = e.agency_code
      WHERE o.selection_id = $1 AND (NOT $2 OR o.selected) ORDER BY o.overall_rank`,
    [selectionId, selectedOnly],
  );
}

/** The explanations of these entries in the cycle's latest selection (of any stage), by entry id. */
export async function explanationsInLatestSelection(
  db: Db,
  cycleId: string,
  entryIds: string[],
): Promise<Map<string, string>> {
  const rows = await db.query<{ entry_id: string; explanation: string }[]>(
    `SELECT o.entry_id, o.explanation FROM selection_outcomes o
      WHERE o.entry_id = ANY($1::uuid[])
        AND o.selection_id = (SELECT max(s.id) FROM selections s WHERE s.cycle_id = $2)`,
    [entryIds, cycleId],
  );
  return new Map(rows.map((row) => [row.entry_id, row.explanation]));
}
