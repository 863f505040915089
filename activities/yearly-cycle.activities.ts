import type { DataSource } from 'typeorm';
import { resolveTemplate, shiftTemplateYear } from '../libs/domain';
import { findTemplateVersion, launchCycle, type LaunchDeps } from '../libs/cycles';
import { CycleEntity } from '../libs/persistence';
import { refusingAsFailure } from './business-failure';

/**
 * The next cycle of a template's programme: the year after its latest cycle (the template's own year when it has
 * none), on the template's calendar moved to that year. A cycle id is its programme and year, so a retry after a
 * successful launch is refused as CYCLE.EXISTS rather than starting a second one.
 */
export function createYearlyCycleActivities(deps: LaunchDeps & { dataSource: DataSource }) {
  return {
    async launchNextCycle(input: { templateKey: string; templateVersion: number }): Promise<string> {
      return refusingAsFailure(async () => {
        const found = await findTemplateVersion(deps.dataSource, input.templateKey, input.templateVersion);
        const latest = await deps.dataSource
          .getRepository(CycleEntity)
          .findOne({ where: { programme: found.definition.programme }, order: { year: 'DESC' } });
        const year = Math.max(found.definition.year, (latest?.year ?? 0) + 1);
        const template = resolveTemplate(shiftTemplateYear(found.definition, year), found.version);
        return launchCycle(deps, template);
      });
    },
  };
}

export type YearlyCycleActivities = ReturnType<typeof createYearlyCycleActivities>;
