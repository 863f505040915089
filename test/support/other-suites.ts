import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually } from './stack';
import { testEnv } from './test-env';

/**
 * The task queue of the whole-cycle `[scale]` suite (test/national): it replays its 1,100 entry histories itself,
 * from exported archives, so the suite that replays every other history leaves those out.
 */
export const NATIONAL_SCALE_TASK_QUEUE = 'national-scale';

/**
 * Resolves once every other test file of the run has finished, as `suites-in-flight.js` (a jest reporter) sees
 * them. Suites run in parallel; a suite that needs the whole run's leftovers (every history on the Temporal server)
 * calls this first. Suites are bounded by their own timeouts, so the wait is too.
 */
export async function otherSuitesFinished(self: string, timeoutMs: number): Promise<void> {
  await eventually(
    'the other suites of this run to finish',
    async () => (otherSuitesRunning(self) ? undefined : true),
    timeoutMs,
  );
}

/** Whether a test file other than `self` is still running. */
export function otherSuitesRunning(self: string): boolean {
  const running = JSON.parse(readFileSync(join(testEnv('scratch'), 'suites-in-flight.json'), 'utf8')) as string[];
  return running.some((path) => path !== self);
}
