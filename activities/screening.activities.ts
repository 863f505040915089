import { screeningRuleFailures, type ResolvedTemplate } from '../libs/domain';
import { activeEntries, recordDefaultOutcomes, recordRuleFailures } from '../libs/persistence/screening';
import type { Db } from '../libs/persistence/shared';
import { existingCycle } from '../libs/persistence/cycles';

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
export function createScreeningActivities(db: Db) {
  return {
    async applyScreeningRules(input: { cycleId: string; stageKey: string }): Promise<{ failed: number }> {
      const cycle = await existingCycle(db, input.cycleId);
      const params = screeningParams(cycle.resolvedTemplate, input.stageKey);
      const failures = (await activeEntries(db, input.cycleId)).flatMap((entry) => {
        const problems = screeningRuleFailures(params, entry);
        return problems.length > 0 ? [{ entryId: entry.id, reason: problems.join(' ') }] : [];
      });
      await recordRuleFailures(db, input.cycleId, failures);
      return { failed: failures.length };
    },

    async applyDefaultScreeningOutcome(input: { cycleId: string; stageKey: string; at: string }): Promise<void> {
      const cycle = await existingCycle(db, input.cycleId);
      const outcome = (screeningParams(cycle.resolvedTemplate, input.stageKey).defaultOutcome ?? 'pass') as
        'pass' | 'fail';
      await recordDefaultOutcomes(db, input.cycleId, outcome, DEFAULT_REASON[outcome], input.at);
    },
  };
}

export type ScreeningActivities = ReturnType<typeof createScreeningActivities>;
