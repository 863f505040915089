import type { EntityManager } from 'typeorm';
import {
  parseTieBreaks,
  selectionParams,
  selectNominees,
  type ResolvedTemplate,
  type SelectionCandidate,
  type SelectionRules,
} from '../../libs/domain';
import { CycleEntity, SelectionEntity, SelectionOutcomeEntity } from '../../libs/persistence';

/** The desk stage whose results a selection stage ranks: the last desk evaluation before it. */
export function deskStageBefore(template: ResolvedTemplate, selectionStageKey: string): string | undefined {
  const position = template.stages.findIndex((stage) => stage.key === selectionStageKey);
  return template.stages
    .slice(0, position)
    .reverse()
    .find((stage) => stage.type === 'desk-evaluation')?.key;
}

/** The selection stage a stage (selection or objection) belongs to: itself, or the last selection before it. */
export function selectionStageFor(template: ResolvedTemplate, stageKey: string): string | undefined {
  const position = template.stages.findIndex((stage) => stage.key === stageKey);
  return template.stages
    .slice(0, position + 1)
    .reverse()
    .find((stage) => stage.type === 'selection')?.key;
}

export function selectionRulesOf(template: ResolvedTemplate, stageKey: string): SelectionRules {
  const params = selectionParams(template.stages.find((stage) => stage.key === stageKey)!.params);
  return { ...params, tieBreaks: params.tieBreaks ? parseTieBreaks(params.tieBreaks) : [] };
}

/** The latest selection of a cycle's selection stage, or null before there is one. */
export async function latestSelection(db: EntityManager, cycleId: string, stageKey: string) {
  return db.getRepository(SelectionEntity).findOne({ where: { cycleId, stageKey }, order: { version: 'DESC' } });
}

/**
 * Ranks the cycle's active entries by their desk results and writes the result as a new numbered selection,
 * with an explanation per entry. Entries without a desk score, and those an upheld objection removed, are out
 * with that reason. The caller holds the transaction; selections of one cycle are written one at a time.
 */
export async function writeSelection(
  tx: EntityManager,
  cycleId: string,
  stageKey: string,
  reason: string,
  createdBy: string,
): Promise<SelectionEntity> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`selection|${cycleId}|${stageKey}`]);
  const cycle = await tx.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
  const deskKey = deskStageBefore(cycle.resolvedTemplate, stageKey);
  const rows = await tx.query<
    {
      id: string;
      title: string;
      cluster: string;
      group_key: string;
      region_3t: boolean;
      score: string | null;
      launch_date: string | null;
      created_at: Date;
      replications: number;
    }[]
  >(
    `SELECT e.id, e.title, e.cluster, e.group_key, a.region_3t, r.score, to_char(e.launch_date, 'YYYY-MM-DD') AS launch_date,
            e.created_at, (SELECT count(*)::int FROM entries c WHERE c.replicates_entry_id = e.id AND c.status <> 'withdrawn') AS replications
       FROM entries e JOIN agencies a ON a.code = e.agency_code
       LEFT JOIN desk_results r ON r.entry_id = e.id AND r.stage_key = $2
      WHERE e.cycle_id = $1 AND e.status = 'active'`,
    [cycleId, deskKey ?? ''],
  );
  const excluded = new Map<string, string>();
  const upheld = await tx.query<{ entry_id: string; resolution_reason: string }[]>(
    `SELECT entry_id, resolution_reason FROM objections WHERE cycle_id = $1 AND status = 'upheld' ORDER BY resolved_at`,
    [cycleId],
  );
  for (const objection of upheld) excluded.set(objection.entry_id, `objection upheld: ${objection.resolution_reason}`);
  const candidates = rows.map((row): SelectionCandidate => {
    if (row.score === null && !excluded.has(row.id)) excluded.set(row.id, 'no desk score was recorded for it');
    return {
      entryId: row.id,
      title: row.title,
      cluster: row.cluster,
      group: row.group_key,
      region3T: row.region_3t,
      score: row.score === null ? 0 : Number(row.score),
      launchDate: row.launch_date ?? '9999-12-31',
      registeredAt: new Date(row.created_at).toISOString(),
      replicationCount: row.replications,
    };
  });
  const rules = selectionRulesOf(cycle.resolvedTemplate, stageKey);
  const outcomes = selectNominees(candidates, rules, excluded);
  const previous = await latestSelection(tx, cycleId, stageKey);
  const selection = await tx.getRepository(SelectionEntity).save({
    cycleId,
    stageKey,
    version: (previous?.version ?? 0) + 1,
    reason,
    rules: { ...rules, deskStage: deskKey ?? null, excluded: Object.fromEntries(excluded) },
    createdBy,
  });
  const values = outcomes.map((outcome) => ({
    selectionId: selection.id,
    entryId: outcome.entryId,
    overallRank: outcome.overallRank,
    rankInCell: outcome.rankInCell,
    score: outcome.score,
    selected: outcome.selected,
    via3T: outcome.via3TShare,
    explanation: outcome.explanation,
  }));
  for (let start = 0; start < values.length; start += 1000) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(SelectionOutcomeEntity)
      .values(values.slice(start, start + 1000))
      .execute();
  }
  return selection;
}

/** Entry ids selected in a selection. */
export async function selectedIn(db: EntityManager, selectionId: string): Promise<Set<string>> {
  const rows = await db.getRepository(SelectionOutcomeEntity).findBy({ selectionId, selected: true });
  return new Set(rows.map((row) => row.entryId));
}
