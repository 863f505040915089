import { resolveTemplate, shiftTemplateYear } from '../libs/domain';
import { findTemplateVersion, launchCycle, type LaunchDeps } from '../libs/cycles';
import { cycleOfTemplateVersion, latestCycleOfProgramme } from '../libs/persistence/cycles';
import { refusingAsFailure } from './business-failure';

/**
 * The next cycle of a template's programme: the year after its latest cycle (the template's own year when it has
 * none), on the template's calendar moved to that year.
 */
export function createYearlyCycleActivities(deps: LaunchDeps) {
  return {
    async nextCycleYear(input: { templateKey: string; templateVersion: number }): Promise<number> {
      return refusingAsFailure(async () => {
        const found = await findTemplateVersion(deps.db, input.templateKey, input.templateVersion);
        const latest = await latestCycleOfProgramme(deps.db, found.definition.programme);
        return Math.max(found.definition.year, (latest?.year ?? 0) + 1);
      });
    },

    /** A retry after a launch whose answer was lost finds its own cycle: that launch counts, nothing new starts. */
    async launchCycleForYear(input: { templateKey: string; templateVersion: number; year: number }): Promise<string> {
      return refusingAsFailure(async () => {
        const found = await findTemplateVersion(deps.db, input.templateKey, input.templateVersion);
        const template = resolveTemplate(shiftTemplateYear(found.definition, input.year), found.version);
        const existing = await cycleOfTemplateVersion(deps.db, {
          programme: template.programme,
          year: input.year,
          templateKey: template.key,
          templateVersion: template.version,
        });
        if (existing) return existing.id;
        return launchCycle(deps, template);
      });
    },
  };
}

export type YearlyCycleActivities = ReturnType<typeof createYearlyCycleActivities>;
