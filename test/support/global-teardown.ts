import { rmSync } from 'node:fs';

/** Stops the SMTP sink and the Temporal server, and drops the run's database, whatever the tests left behind. */
export default async function globalTeardown(): Promise<void> {
  const state = globalThis.tahapTestSetup;
  if (!state) return;
  await state.mailSink.stop();
  await state.temporal.stop();
  await state.database.drop();
  rmSync(state.build, { recursive: true, force: true });
  if (!process.env.TAHAP_TEST_KEEP_SCRATCH) rmSync(state.scratch, { recursive: true, force: true });
}
