import { rmSync } from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cpuSecondsOf } = require('./cpu-environment') as {
  cpuSecondsOf: (pid: number) => { own: number } | undefined;
};

/**
 * Stops the shared API and worker pairs, the SMTP sink and the Temporal server, and drops the run's database,
 * whatever the tests left behind.
 */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.tahapTestSetup;
  if (!state) return;
  // The shared server's part of the run's CPU, which the per-file figures above leave out.
  const temporalCpu = state.temporal.pid ? cpuSecondsOf(state.temporal.pid)?.own : undefined;
  if (temporalCpu !== undefined) console.log(`the shared Temporal dev server used ${temporalCpu.toFixed(1)} CPU-s`);
  if (state.shared.length > 0) {
    const sharedCpu = state.shared.reduce((sum, child) => sum + (cpuSecondsOf(child.pid ?? 0)?.own ?? 0), 0);
    console.log(
      `the ${state.shared.length / 2} shared API and worker pairs used ${sharedCpu.toFixed(1)} CPU-s ` +
        '(most of it counted above, in the files that used them)',
    );
  }
  await Promise.all(state.shared.map((child) => child.stop()));
  await state.mailSink.stop();
  await state.temporal.stop();
  await state.database.drop();
  rmSync(state.build, { recursive: true, force: true });
  if (!process.env.TAHAP_TEST_KEEP_SCRATCH) rmSync(state.scratch, { recursive: true, force: true });
}
