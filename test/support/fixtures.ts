import { compressCalendar, PKRI_2024, type CompetitionTemplate } from '../../libs/domain';
import { DEMO_AGENCIES } from '../../scripts/demo-data';
import { eventually, type Stack } from './stack';

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

/** The keys of PKRI 2024's stages, in order, as `PKRI_2024` names them. */
export const PKRI_STAGE_KEYS = {
  submission: 'pendaftaran',
  screening: 'seleksi-administrasi',
  desk: 'evaluasi-desk',
  selection: 'penetapan-finalis',
  interview: 'wawancara',
  plenary: 'sidang-pleno',
  announcement: 'pengumuman',
} as const;

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
  return body as {
    status: string;
    stages: {
      key: string;
      status: string;
      opensAt: string;
      closesAt: string;
      openedAt: string | null;
      closedBy: string | null;
    }[];
  };
}

/**
 * An admin closes the stage now (it must be open). Suites with short calendars close a stage as soon as their work in
 * it is done; on a loaded machine its calendar may have closed it first, which leaves the same state.
 */
export async function closeStage(stack: Stack, cycleId: string, stageKey: string): Promise<void> {
  const closed = await stack.request('POST', `/cycles/${cycleId}/stages/${stageKey}/close`, {});
  if (closed.status !== 200 && closed.body?.code !== 'STAGE.ALREADY_CLOSED')
    throw new Error(`closing ${stageKey} answered ${closed.status}: ${JSON.stringify(closed.body)}`);
}

/**
 * An admin opens the stage now, before its calendar instant; the stage before it must have closed. Suites move a
 * cycle on this way as soon as their work in a stage is done, instead of waiting for the calendar (which, on a
 * loaded machine, may have opened it first: the same state).
 */
export async function openStage(stack: Stack, cycleId: string, stageKey: string): Promise<void> {
  const opened = await stack.request('POST', `/cycles/${cycleId}/stages/${stageKey}/open`, {
    reason: 'Tahap sebelumnya sudah selesai',
  });
  const done = opened.status === 200 && opened.body.status === 'open' && Boolean(opened.body.openedAt);
  if (!done && opened.body?.code !== 'STAGE.ALREADY_OPEN')
    throw new Error(`opening ${stageKey} answered ${opened.status}: ${JSON.stringify(opened.body)}`);
}

/**
 * Waits until the cycle has `count` active entries. Entries apply a stage's close (an elimination at selection, a
 * no-show at interview) on their own after the cycle tells them; a suite that opens the next stage at once waits
 * for that first.
 */
export async function activeEntries(stack: Stack, cycleId: string, count: number): Promise<void> {
  let seen: unknown;
  await eventually(
    `${count} active entries in ${cycleId}`,
    async () => {
      const { body } = await stack.request('GET', `/cycles/${cycleId}/entries?status=active&pageSize=1`);
      seen = body.total;
      if (body.total === count) return true;
      throw new Error(`${String(seen)} active so far`);
    },
    STATE_WAIT_MS,
  );
}

/**
 * How long a suite waits for the engine to reach a state it is already heading for. Generous because it bounds a
 * machine that is busy with the suites beside it (every entry seals its audit trail under one lock); the wait ends
 * as soon as the state is reached.
 */
export const STATE_WAIT_MS = 180_000;

/**
 * Waits until a stage is `open`, has `opened` (open, closing or closed), or is `closed`, as the cycle's read model
 * says.
 */
export async function stageReaches(
  stack: Stack,
  cycleId: string,
  stageKey: string,
  status: 'open' | 'opened' | 'closed',
): Promise<void> {
  const reached = (actual: string | undefined) =>
    status === 'opened' ? actual === 'open' || actual === 'closing' || actual === 'closed' : actual === status;
  await eventually(
    `${stageKey} to be ${status}`,
    async () => {
      const stage = (await cycleStatus(stack, cycleId)).stages.find((candidate) => candidate.key === stageKey);
      if (reached(stage?.status)) return true;
      throw new Error(`${stageKey} is ${stage?.status ?? 'missing'}`);
    },
    STATE_WAIT_MS,
  );
}
