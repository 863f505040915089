import { readFileSync, rmSync } from 'node:fs';

/** Stops the shared API and worker pairs, the SMTP sink and the Temporal server, and drops the run's database, whatever the tests left behind. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.tahapTestSetup;
  if (!state) return;
  // The shared server's part of the run's CPU, which the per-file figures above leave out.
  const temporalCpu = state.temporal.pid ? cpuSecondsOf(state.temporal.pid) : undefined;
  if (temporalCpu !== undefined) console.log(`the shared Temporal dev server used ${temporalCpu.toFixed(1)} CPU-s`);
  const sharedCpu = state.shared.reduce((sum, child) => sum + (child.pid ? (cpuSecondsOf(child.pid) ?? 0) : 0), 0);
  if (state.shared.length > 0) {
    console.log(`the ${state.shared.length / 2} shared API and worker pairs used ${sharedCpu.toFixed(1)} CPU-s`);
  }
  await Promise.all(state.shared.map((child) => child.stop()));
  await state.mailSink.stop();
  await state.temporal.stop();
  await state.database.drop();
  rmSync(state.build, { recursive: true, force: true });
  if (!process.env.TAHAP_TEST_KEEP_SCRATCH) rmSync(state.scratch, { recursive: true, force: true });
}

/** User and system CPU seconds of a running process (Linux counts them in ticks of 1/100 s). */
function cpuSecondsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
