import type { DataSource } from 'typeorm';
import { screeningOutcomeNotice, screeningRuleFailures, type ResolvedTemplate } from '../libs/domain';
import { AgencyEntity, CycleEntity, EntryEntity, NoticeEntity, ScreeningDecisionEntity } from '../libs/persistence';

const DEFAULT_REASON = {
  pass: 'Tidak diputuskan sebelum seleksi administrasi ditutup; hasil bawaan templat: lolos.',
  fail: 'Tidak diputuskan sebelum seleksi administrasi ditutup; hasil bawaan templat: tidak lolos.',
};

function screeningParams(template: ResolvedTemplate, stageKey: string) {
  return template.stages.find((stage) => stage.key === stageKey)!.params;
}

/**
 * Seleksi administrasi: the template's completeness rules run when the stage opens (a failing entry is decided
 * "fail" by rule, with the rule as its reason); admins decide the rest; at the close every entry still undecided
 * gets the template's default outcome, recorded as such. Decisions are keyed by entry, so retries change nothing.
 */
export function createScreeningActivities(dataSource: DataSource) {
  return {
    async applyScreeningRules(input: { cycleId: string; stageKey: string }): Promise<{ failed: number }> {
      const cycle = await dataSource.getRepository(CycleEntity).findOneByOrFail({ id: input.cycleId });
      const params = screeningParams(cycle.resolvedTemplate, input.stageKey);
      const entries = await dataSource.getRepository(EntryEntity).findBy({ cycleId: input.cycleId, status: 'active' });
      const failures = entries.flatMap((entry) => {
        const problems = screeningRuleFailures(params, entry);
        return problems.length > 0 ? [{ entry, reason: problems.join(' ') }] : [];
      });
      for (let start = 0; start < failures.length; start += 500) {
        await dataSource
          .createQueryBuilder()
          .insert()
          .into(ScreeningDecisionEntity)
          .values(
            failures.slice(start, start + 500).map(({ entry, reason }) => ({
              entryId: entry.id,
              cycleId: input.cycleId,
              outcome: 'fail' as const,
              reason,
              decidedBy: 'rule' as const,
              decidedAt: () => 'now()',
            })),
          )
          .orIgnore()
          .execute();
      }
      return { failed: failures.length };
    },

    async applyDefaultScreeningOutcome(input: { cycleId: string; stageKey: string; at: string }): Promise<void> {
      const cycle = await dataSource.getRepository(CycleEntity).findOneByOrFail({ id: input.cycleId });
      const outcome = (screeningParams(cycle.resolvedTemplate, input.stageKey).defaultOutcome ?? 'pass') as
        'pass' | 'fail';
      await dataSource.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO screening_decisions (entry_id, cycle_id, outcome, reason, decided_by, decided_at)
           SELECT e.id, e.cycle_id, $2, $3, 'default', $4 FROM entries e
            WHERE e.cycle_id = $1 AND e.status = 'active'
           ON CONFLICT (entry_id) DO NOTHING`,
          [input.cycleId, outcome, DEFAULT_REASON[outcome], input.at],
        );
        await tellAgencies(tx.getRepository(EntryEntity).manager, input.cycleId);
      });
    },
  };
}

/** Each agency reads its entries' outcomes and reasons in its inbox, once per entry. */
async function tellAgencies(tx: DataSource['manager'], cycleId: string): Promise<void> {
  const rows = await tx
    .getRepository(ScreeningDecisionEntity)
    .createQueryBuilder('decision')
    .innerJoinAndMapOne('decision.entry', EntryEntity, 'entry', 'entry.id = decision.entryId')
    .innerJoinAndMapOne('decision.agency', AgencyEntity, 'agency', 'agency.code = entry.agencyCode')
    .where('decision.cycleId = :cycleId AND entry.status = :status', { cycleId, status: 'active' })
    .getMany();
  const notices = (rows as (ScreeningDecisionEntity & { entry: EntryEntity; agency: AgencyEntity })[]).map((row) => ({
    key: `${cycleId}/screening/${row.entryId}`,
    kind: 'screening-outcome',
    agencyCode: row.agency.code,
    language: row.agency.language,
    ...screeningOutcomeNotice(row.agency.language, {
      cycleId,
      title: row.entry.title,
      passed: row.outcome === 'pass',
      reason: row.reason,
    }),
  }));
  for (let start = 0; start < notices.length; start += 1000) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(NoticeEntity)
      .values(notices.slice(start, start + 1000))
      .orIgnore()
      .execute();
  }
}

export type ScreeningActivities = ReturnType<typeof createScreeningActivities>;
