import { compressCalendar, PKRI_2024 } from '../libs/domain';
import { signedIn } from './demo-caller';
import { DEMO_AGENCIES, DEMO_ENTRIES } from './demo-data';
import type { DemoLogin } from './local-secrets';

/** How fast the demo cycle runs: `normal` for a person watching the portal (about 27 minutes), `fast` for a test. */
export type DemoPace = 'normal' | 'fast';

/** Seconds each stage type lasts at each pace; at normal pace submission is long enough to try registering. */
const STAGE_SECONDS: Record<DemoPace, Record<string, number>> = {
  normal: {
    submission: 300,
    screening: 120,
    'desk-evaluation': 180,
    selection: 120,
    interview: 600,
    plenary: 180,
    announcement: 120,
  },
  // Room for a loaded machine (the test run): an interview slot of 20 seconds, not 11, outlasts a worker's lag.
  fast: {
    submission: 20,
    screening: 6,
    'desk-evaluation': 30,
    selection: 6,
    interview: 80,
    plenary: 30,
    announcement: 10,
  },
};

/** Two of the demo's three panelists make the plenary quorate. */
const PLENARY_QUORUM = 2;

/**
 * The demo's interviews: a panel per demo panelist, slots round the clock, four per panel in the stage (twelve for
 * nine innovations at most; a slot lasts at least 10 seconds), confirmation due a slot ahead.
 */
function withoutSlotMinutes(params: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'slotMinutes'));
}

function demoInterview(stageSeconds: number, panels: number) {
  const slotSeconds = Math.floor(stageSeconds / 4);
  return {
    noticeDays: 0,
    panels,
    slotSeconds,
    dayStart: '00:00',
    dayEnd: '23:59',
    agencyHours: '00:00-23:59',
    confirmHoursBefore: slotSeconds / 3600,
    confirmReminderHoursBefore: (2 * slotSeconds) / 3600,
  };
}

/**
 * Seeds an empty database through the public API, as an admin would: the article's agencies, the demo accounts, a
 * PKRI 2024 template version whose calendar is compressed to minutes from now, the cycle, and the innovations
 * (replications naming their originals). Returns the cycle id, or undefined when the database already had data.
 */
export async function seedDemo(baseUrl: string, logins: DemoLogin[], pace: DemoPace): Promise<string | undefined> {
  const admin = logins.find((login) => login.role === 'admin')!;
  const call = await signedIn(baseUrl, admin);
  const agencies: unknown[] = await call('GET', '/agencies');
  if (agencies.length > 0) return undefined;
  for (const agency of DEMO_AGENCIES) await call('POST', '/agencies', agency);
  for (const login of logins.filter((candidate) => candidate !== admin)) {
    const { role, email, password, agencyCode } = login;
    await call('POST', '/users', { role, email, password, agencyCode, displayName: `Demo ${role}` });
  }
  const panelists = logins.filter((login) => login.role === 'panelist');
  const stageSeconds = Object.fromEntries(
    PKRI_2024.stages.map((stage) => [stage.key, STAGE_SECONDS[pace][stage.type] ?? 60]),
  );
  const compressed = compressCalendar(PKRI_2024, { startAt: new Date(), stageSeconds });
  // One demo evaluator scores every entry, so the desk stage has someone to assign.
  const definition = {
    ...compressed,
    stages: compressed.stages.map((stage) =>
      stage.type === 'desk-evaluation'
        ? { ...stage, params: { ...stage.params, evaluatorsPerEntry: 1 } }
        : stage.type === 'interview'
          ? {
              ...stage,
              params: {
                ...withoutSlotMinutes(stage.params),
                ...demoInterview(stageSeconds[stage.key], panelists.length),
              },
            }
          : stage.type === 'plenary'
            ? { ...stage, params: { ...stage.params, quorum: PLENARY_QUORUM } }
            : stage,
    ),
  };
  const template = await call('POST', '/templates', { definition });
  const cycle = await call('POST', '/cycles', { templateKey: template.key, templateVersion: template.version });
  const evaluator = logins.find((login) => login.role === 'evaluator');
  if (evaluator) {
    await call('POST', `/cycles/${cycle.id}/evaluators`, {
      evaluators: [{ email: evaluator.email, affiliations: ['kemenpanrb'], province: 'DKI Jakarta' }],
    });
  }
  // Each demo panelist sits on a panel of their own, and all of them in the plenary.
  await call('PUT', `/cycles/${cycle.id}/interview-panels`, {
    panels: panelists.map((panelist, index) => ({
      key: String(index + 1),
      name: `Panel ${index + 1}`,
      meetingUrl: `https://meet.example.id/tahap-demo-panel-${index + 1}`,
      panelists: [{ email: panelist.email, affiliations: ['kemenpanrb'] }],
    })),
  });
  const originals = new Map<string, string>();
  for (const { replicates, ...entry } of DEMO_ENTRIES) {
    const replicatesEntryId = replicates ? originals.get(replicates) : undefined;
    const saved = await call('POST', `/cycles/${cycle.id}/entries`, { ...entry, replicatesEntryId });
    originals.set(entry.agencyCode, saved.id);
  }
  return cycle.id as string;
}
