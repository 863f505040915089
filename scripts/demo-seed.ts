import { compressCalendar, PKRI_2024 } from '../libs/domain';
import { DEMO_AGENCIES, DEMO_ENTRIES } from './demo-data';
import type { DemoLogin } from './local-secrets';

/** Minutes each stage lasts in the demo cycle; submission is longer so a person can try registering. */
const DEMO_MINUTES = { submission: 5, interview: 15, others: 2 };

/** The demo's interviews: 5-minute slots round the clock before one panel, confirmation due 3 minutes ahead. */
const DEMO_INTERVIEW = {
  noticeDays: 0,
  panels: 1,
  slotMinutes: 5,
  dayStart: '00:00',
  dayEnd: '23:55',
  agencyHours: '00:00-23:59',
  confirmHoursBefore: 0.05,
  confirmReminderHoursBefore: 0.1,
};

type Call = (method: string, path: string, body?: unknown) => Promise<any>;

function caller(baseUrl: string, token?: string): Call {
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = await response.json();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(payload)}`);
    return payload;
  };
}

/**
 * Seeds an empty database through the public API, as an admin would: the article's agencies, the demo accounts, a
 * PKRI 2024 template version whose calendar is compressed to minutes from now, the cycle, and the innovations
 * (replications naming their originals). Returns the cycle id, or undefined when the database already had data.
 */
export async function seedDemo(baseUrl: string, logins: DemoLogin[]): Promise<string | undefined> {
  const admin = logins.find((login) => login.role === 'admin')!;
  const { accessToken } = await caller(baseUrl)('POST', '/auth/login', {
    email: admin.email,
    password: admin.password,
  });
  const call = caller(baseUrl, accessToken);
  const agencies: unknown[] = await call('GET', '/agencies');
  if (agencies.length > 0) return undefined;
  for (const agency of DEMO_AGENCIES) await call('POST', '/agencies', agency);
  for (const login of logins.filter((candidate) => candidate !== admin)) {
    const { role, email, password, agencyCode } = login;
    await call('POST', '/users', { role, email, password, agencyCode, displayName: `Demo ${role}` });
  }
  const stageSeconds = Object.fromEntries(
    PKRI_2024.stages.map((stage) => [
      stage.key,
      60 *
        (stage.type === 'submission'
          ? DEMO_MINUTES.submission
          : stage.type === 'interview'
            ? DEMO_MINUTES.interview
            : DEMO_MINUTES.others),
    ]),
  );
  const compressed = compressCalendar(PKRI_2024, { startAt: new Date(), stageSeconds });
  // One demo evaluator scores every entry, so the desk stage has someone to assign.
  const definition = {
    ...compressed,
    stages: compressed.stages.map((stage) =>
      stage.type === 'desk-evaluation'
        ? { ...stage, params: { ...stage.params, evaluatorsPerEntry: 1 } }
        : stage.type === 'interview'
          ? { ...stage, params: { ...stage.params, ...DEMO_INTERVIEW } }
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
  // The demo panelist sits on the demo's one interview panel.
  const panelist = logins.find((login) => login.role === 'panelist');
  if (panelist) {
    await call('PUT', `/cycles/${cycle.id}/interview-panels`, {
      panels: [
        {
          key: '1',
          name: 'Panel 1',
          meetingUrl: 'https://meet.example.id/tahap-demo-panel-1',
          panelists: [{ email: panelist.email, affiliations: ['kemenpanrb'] }],
        },
      ],
    });
  }
  const originals = new Map<string, string>();
  for (const { replicates, ...entry } of DEMO_ENTRIES) {
    const replicatesEntryId = replicates ? originals.get(replicates) : undefined;
    const saved = await call('POST', `/cycles/${cycle.id}/entries`, { ...entry, replicatesEntryId });
    originals.set(entry.agencyCode, saved.id);
  }
  return cycle.id as string;
}
