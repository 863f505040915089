import { compressCalendar, PKRI_2024 } from '../libs/domain';
import { DEMO_AGENCIES, DEMO_ENTRIES } from './demo-data';

/** Minutes each stage lasts in the demo cycle; submission is longer so a person can try registering. */
const DEMO_MINUTES = { submission: 5, others: 2 };

async function call(baseUrl: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(payload)}`);
  return payload;
}

/**
 * Seeds an empty database through the public API, as an admin and the agencies would: the article's agencies, a
 * PKRI 2024 template version whose calendar is compressed to minutes from now, the cycle, and the innovations.
 * Returns the cycle id, or undefined when the database already had data.
 */
export async function seedDemo(baseUrl: string): Promise<string | undefined> {
  const agencies: unknown[] = await call(baseUrl, 'GET', '/agencies');
  if (agencies.length > 0) return undefined;
  for (const agency of DEMO_AGENCIES) await call(baseUrl, 'POST', '/agencies', agency);
  const stageSeconds = Object.fromEntries(
    PKRI_2024.stages.map((stage) => [
      stage.key,
      60 * (stage.type === 'submission' ? DEMO_MINUTES.submission : DEMO_MINUTES.others),
    ]),
  );
  const definition = compressCalendar(PKRI_2024, { startAt: new Date(), stageSeconds });
  const template = await call(baseUrl, 'POST', '/templates', { definition });
  const cycle = await call(baseUrl, 'POST', '/cycles', {
    templateKey: template.key,
    templateVersion: template.version,
  });
  for (const entry of DEMO_ENTRIES) await call(baseUrl, 'POST', `/cycles/${cycle.id}/entries`, entry);
  return cycle.id as string;
}
