import type { DataSource } from 'typeorm';
import { screeningRuleFailures, type ResolvedTemplate } from '../libs/domain';
import { CycleEntity, EntryEntity, ScreeningDecisionEntity } from '../libs/persistence';

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
 * gets the template's default outcome, recorded as such (the workflow then has `notify` tell each agency). Decisions
 * are keyed by entry, so retries change nothing.
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
      await dataSource.query(
        `INSERT INTO screening_decisions (entry_id, cycle_id, outcome, reason, decided_by, decided_at)
         SELECT e.id, e.cycle_id, $2, $3, 'default', $4 FROM entries e
          WHERE e.cycle_id = $1 AND e.status = 'active'
         ON CONFLICT (entry_id) DO NOTHING`,
        [input.cycleId, outcome, DEFAULT_REASON[outcome], input.at],
      );
    },
  };
}

export type ScreeningActivities = ReturnType<typeof createScreeningActivities>;
