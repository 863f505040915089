import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { cpus } from 'node:os';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { replayHistories, type HistoryToReplay, type ReplayVerdict } from '../../libs/audit/replay';
import { NATIONAL_SCALE_TASK_QUEUE, otherSuitesFinished, otherSuitesRunning } from '../support/other-suites';
import { testEnv } from '../support/test-env';

jest.setTimeout(30 * 60_000);

// Replay workers log every state change at INFO; a divergence is reported by the verdicts below.
Runtime.install({ logger: new DefaultLogger('WARN') });

/**
 * Every workflow but the whole-cycle suite's entries: it replays its 1,000-entry cycle's from the export; its
 * 100-entry cycle runs the same workflow code, and is there to compare the cycle's history.
 */
const OTHERS = `(TaskQueue != "${NATIONAL_SCALE_TASK_QUEUE}" OR WorkflowType != "entryWorkflow")`;

const { EventType } = temporal.api.enums.v1;

/**
 * Workflow tasks the worker did not finish in time, or that were handed on: each is tried again, and a task that loses
 * its worker's cache replays the run's whole history. Counted for the run's CPU budget, not asserted.
 */
const retriedTasks = { timedOut: 0, failed: 0 };

/** The histories a query lists that were not replayed yet (a closed run's history never changes). */
async function* unseen(client: Client, seen: Set<string>, query: string): AsyncGenerator<HistoryToReplay> {
  for await (const execution of client.workflow.list({ query })) {
    const key = `${execution.workflowId}/${execution.runId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const history = await client.workflow.getHandle(execution.workflowId, execution.runId).fetchHistory();
    for (const event of history.events ?? []) {
      if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) retriedTasks.timedOut += 1;
      if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) retriedTasks.failed += 1;
    }
    yield { workflowId: execution.workflowId, history };
  }
}

/**
 * Handed out last (test/support/sequencer.js): every workflow history the end-to-end suites left on the run's
 * Temporal server (finished or still running; the whole-cycle suite's entries aside) replays on today's workflow code, as an auditor's bulk verification
 * would replay them. While the last other suites still run, the runs that have closed are replayed in one lane
 * (their histories no longer change); once every other suite has finished, the rest, running ones included, in a
 * lane per core.
 */
describe('[audit] every history of the end-to-end suites replays', () => {
  it('[audit] every workflow on the test server replays with 0 divergences', async () => {
    const client = new Client({ connection: await Connection.connect({ address: testEnv('temporalAddress') }) });
    const bundle = { codePath: testEnv('workflowBundle') };
    const seen = new Set<string>();
    const diverged: ReplayVerdict[] = [];
    let replayed = 0;
    const replay = async (histories: AsyncIterable<HistoryToReplay>, lanes: number) => {
      for await (const verdict of replayHistories(bundle, histories, lanes)) {
        replayed += 1;
        if (!verdict.ok) diverged.push(verdict);
      }
    };
    try {
      const deadline = Date.now() + 20 * 60_000;
      while (otherSuitesRunning(__filename) && Date.now() < deadline) {
        const before = replayed;
        await replay(unseen(client, seen, `ExecutionStatus != "Running" AND ${OTHERS}`), 1);
        // Nothing closed since the last sweep: look again once a suite has finished or more has closed.
        if (replayed === before) await otherSuitesFinished(__filename, 5_000).catch(() => undefined);
      }
      await otherSuitesFinished(__filename, Math.max(0, deadline - Date.now()));
      await replay(unseen(client, seen, OTHERS), cpus().length);
      console.log(`[audit] replayed ${replayed} histories of this run, ${diverged.length} diverged`);
      console.log(
        `[audit] workflow tasks timed out: ${retriedTasks.timedOut}, failed: ${retriedTasks.failed} (each tried again)`,
      );
      expect(diverged).toEqual([]);
      // Run alone this suite sees only what is left on the server; in the whole suite it sees every other suite's.
      expect(replayed).toBeGreaterThan(0);
    } finally {
      await client.connection.close();
    }
  });
});
