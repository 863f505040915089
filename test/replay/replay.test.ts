import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleLogger } from '../support/bundle-logger';
import { testEnv } from '../support/test-env';

jest.setTimeout(120_000);

// Replay workers log every state change at INFO; the failures this suite looks for arrive as errors.
Runtime.install({ logger: new DefaultLogger('WARN') });

const HISTORIES = join(__dirname, 'histories');
const fixtures = readdirSync(HISTORIES)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'))) }));

/**
 * Histories of real runs, recorded by the end-to-end suite (TAHAP_RECORD_REPLAY_DIR) and kept here. Today's
 * workflow code must replay every one of them: a change that would break running cycles fails this suite
 * until it is put behind `patched()`.
 */
describe('[replay] recorded histories still replay', () => {
  it('has fixtures for every workflow type', () => {
    for (const type of ['cycle', 'entry', 'delivery', 'yearly-cycle']) {
      expect(fixtures.filter(({ file }) => file.startsWith(type)).length).toBeGreaterThan(0);
    }
  });

  it.each(fixtures.map(({ file, history }) => [file, history] as const))(
    '%s replays on the current code',
    async (_file, history) => {
      await expect(
        Worker.runReplayHistory({ workflowBundle: { codePath: testEnv('workflowBundle') } }, history),
      ).resolves.toBeUndefined();
    },
  );

  it('negative control: a cycle workflow that skips a step is caught as non-deterministic', async () => {
    const drifted = await bundleWorkflowCode({ workflowsPath: require.resolve('./drifted'), logger: bundleLogger });
    const cycle = fixtures.find(({ file }) => file.startsWith('cycle'))!;
    await expect(Worker.runReplayHistory({ workflowBundle: drifted }, cycle.history)).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});
