import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleLogger } from '../support/bundle-logger';
import { replayFixtures, typesWithoutFixture } from '../support/replay-fixtures';
import { testEnv } from '../support/test-env';

jest.setTimeout(120_000);

// Replay workers log every state change at INFO; the failures this suite looks for arrive as errors.
Runtime.install({ logger: new DefaultLogger('WARN') });

const fixtures = replayFixtures();

/**
 * Histories of real runs, recorded by the suites (TAHAP_RECORD_REPLAY_DIR) and kept here: the 1.0 baseline and
 * every fixture added since. Today's workflow code must replay every one of them; a change that would break
 * running workflows fails this suite until it ships as docs/versioning.md says.
 */
describe('[replay] recorded histories still replay', () => {
  it('has fixtures for every workflow type', () => {
    expect(typesWithoutFixture(fixtures)).toEqual([]);
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
    const cycle = fixtures.find(({ workflowType }) => workflowType === 'cycleWorkflow')!;
    await expect(Worker.runReplayHistory({ workflowBundle: drifted }, cycle.history)).rejects.toBeInstanceOf(
      DeterminismViolationError,
    );
  });
});
