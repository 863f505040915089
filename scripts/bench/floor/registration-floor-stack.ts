import { join } from 'node:path';
import { TahapProcess } from '../../../test/support/process';

const TASK_QUEUE = 'bench-floor-registration';

/**
 * Starts the registration floor (its HTTP server and its worker, each a process, as Tahap's API and worker are)
 * on the benchmark's Temporal server and database; resolves with the URL to POST registrations to.
 */
export async function startRegistrationFloor(stack: {
  temporalAddress: string;
  databaseUrl: string;
  scratch: string;
  onStop(name: string, stop: () => Promise<unknown>): void;
}): Promise<string> {
  const env = {
    TEMPORAL_ADDRESS: stack.temporalAddress,
    DATABASE_URL: stack.databaseUrl,
    FLOOR_TASK_QUEUE: TASK_QUEUE,
  };
  const worker = new TahapProcess('scripts/bench/floor/floor-worker.ts', env, join(stack.scratch, 'floor-worker.log'));
  stack.onStop('floor worker', () => worker.stop());
  await worker.start(/Floor worker polling/);
  const server = new TahapProcess(
    'scripts/bench/floor/registration-floor.ts',
    env,
    join(stack.scratch, 'floor-registration.log'),
  );
  stack.onStop('floor registration server', () => server.stop());
  const [, origin] = await server.start(/Floor registration listening on (http:\/\/\S+)/);
  return `${origin}/entries`;
}
