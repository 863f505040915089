import { localToInstant } from '../time-zone';
import type { CompetitionTemplate, ResolvedTemplate } from './competition-template';

/** Resolves a validated template's calendar to UTC instants; the result travels in the cycle workflow's input. */
export function resolveTemplate(template: CompetitionTemplate, version: number): ResolvedTemplate {
  return {
    ...template,
    version,
    stages: template.stages.map(({ window, params, ...stage }) => ({
      ...stage,
      zone: window.zone,
      opensAt: toInstant(window.opens, window.zone, `${stage.key}.opens`),
      closesAt: toInstant(window.closes, window.zone, `${stage.key}.closes`),
      params: params ?? {},
    })),
  };
}

function toInstant(local: string, zone: Parameters<typeof localToInstant>[1], what: string): string {
  const instant = localToInstant(local, zone);
  if (!instant) throw new Error(`${what}: "${local}" is not a valid local time (validate the template first)`);
  return instant.toISOString();
}
