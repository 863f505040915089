import { compressCalendar, PKRI_2024, type CompetitionTemplate } from '../../libs/domain';
import { DEMO_AGENCIES } from '../../scripts/demo-data';
import type { Stack } from './stack';

/**
 * PKRI 2024 with its calendar compressed to seconds from now. Each suite takes its own year so cycle ids
 * (`cycle-pkri-<year>`) never collide within a run.
 */
export function compressedPkri(year: number, seconds: { submission: number; others: number }): CompetitionTemplate {
  const stageSeconds = Object.fromEntries(
    PKRI_2024.stages.map((stage) => [stage.key, stage.type === 'submission' ? seconds.submission : seconds.others]),
  );
  return { ...compressCalendar(PKRI_2024, { startAt: new Date(), stageSeconds }), key: `pkri-test-${year}`, year };
}

/** What every registration needs besides its title, agency and group: an old enough innovation with evidence. */
export const INNOVATION = { launchDate: '2019-01-15', evidenceLinks: ['https://inovasi.example.go.id/bukti'] };

/** Creates the demo agencies once per database (suites share it); a repeat answers 409, which is fine here. */
export async function ensureAgencies(stack: Stack): Promise<void> {
  for (const agency of DEMO_AGENCIES) {
    const { status } = await stack.request('POST', '/agencies', agency);
    if (status !== 201 && status !== 409) throw new Error(`creating agency ${agency.code} answered ${status}`);
  }
}

/** Creates a template version and a cycle from it; returns the cycle id. */
export async function startCycle(stack: Stack, template: CompetitionTemplate): Promise<string> {
  const created = await stack.request('POST', '/templates', { definition: template });
  if (created.status !== 201) throw new Error(`template refused: ${JSON.stringify(created.body)}`);
  const cycle = await stack.request('POST', '/cycles', {
    templateKey: template.key,
    templateVersion: created.body.version,
  });
  if (cycle.status !== 201) throw new Error(`cycle refused: ${JSON.stringify(cycle.body)}`);
  return cycle.body.id as string;
}

export async function cycleStatus(stack: Stack, cycleId: string) {
  const { body } = await stack.request('GET', `/cycles/${cycleId}`);
  return body as { status: string; stages: { key: string; status: string; closedBy: string | null }[] };
}
