import type { DataSource } from 'typeorm';
import { resolveTemplate, shiftTemplateYear } from '../libs/domain';
import { findTemplateVersion, launchCycle, type LaunchDeps } from '../libs/cycles';
import { CycleEntity } from '../libs/persistence';
import { refusingAsFailure } from './business-failure';

/**
 * The next cycle of a template's programme: the year after its latest cycle (the template's own year when it has
 * none), on the template's calendar moved to that year.
 */
export function createYearlyCycleActivities(deps: LaunchDeps & { dataSource: DataSource }) {
  return {
    async nextCycleYear(input: { templateKey: string; templateVersion: number }): Promise<number> {
      return refusingAsFailure(async () => {
        const found = await findTemplateVersion(deps.dataSource, input.templateKey, input.templateVersion);
        const latest = await deps.dataSource
          .getRepository(CycleEntity)
          .findOne({ where: { programme: found.definition.programme }, order: { year: 'DESC' } });
        return Math.max(found.definition.year, (latest?.year ?? 0) + 1);
      });
    },

    /** A retry after a launch whose answer was lost finds its own cycle: that launch counts, nothing new starts. */
    async launchCycleForYear(input: { templateKey: string; templateVersion: number; year: number }): Promise<string> {
      return refusingAsFailure(async () => {
        const found = await findTemplateVersion(deps.dataSource, input.templateKey, input.templateVersion);
        const template = resolveTemplate(shiftTemplateYear(found.definition, input.year), found.version);
        const existing = await deps.dataSource.getRepository(CycleEntity).findOneBy({
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
