import { Client, Connection } from '@temporalio/client';
import { cpus } from 'node:os';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { replayHistories, type ReplayVerdict } from '../../libs/audit/replay';
import { otherSuitesFinished } from '../support/other-suites';
import { testEnv } from '../support/test-env';

jest.setTimeout(30 * 60_000);

// Replay workers log every state change at INFO; a divergence is reported by the verdicts below.
Runtime.install({ logger: new DefaultLogger('WARN') });

/**
 * Runs after every other suite (see test/support/sequencer.js, and the wait below: suites run in parallel): every workflow history the end-to-end suites left
 * on the run's Temporal server (finished or still running) replays on today's workflow code, as an auditor's bulk
 * verification would replay them.
 */
describe('[audit] every history of the end-to-end suites replays', () => {
  it('[audit] every workflow on the test server replays with 0 divergences', async () => {
    await otherSuitesFinished(__filename, 20 * 60_000);
    const client = new Client({ connection: await Connection.connect({ address: testEnv('temporalAddress') }) });
    try {
      const histories = client.workflow.list().intoHistories({ concurrency: 4 });
      const diverged: ReplayVerdict[] = [];
      let replayed = 0;
      // Nothing else runs now: a replay lane per core.
      for await (const verdict of replayHistories({ codePath: testEnv('workflowBundle') }, histories, cpus().length)) {
        replayed += 1;
        if (!verdict.ok) diverged.push(verdict);
      }
      console.log(`[audit] replayed ${replayed} histories of this run, ${diverged.length} diverged`);
      expect(diverged).toEqual([]);
      // Run alone this suite sees only what is left on the server; in the whole suite it sees every other suite's.
      expect(replayed).toBeGreaterThan(0);
    } finally {
      await client.connection.close();
    }
  });
});
