import { closeStage, compressedPkri, stageReaches, startCycle } from '../support/fixtures';
import { Stack } from '../support/stack';

/**
 * A request that sends an Update waits a bounded time for the workflow to take it (UPDATE_WAIT_SECONDS), so a
 * backlog of workflow tasks answers the person instead of holding the request open. With no worker at all, the
 * cycle's task is never taken: the bound is all that answers.
 */
describe('[foundation] a busy engine answers within the Update wait', () => {
  const stack = new Stack('foundation-engine-busy', { UPDATE_WAIT_SECONDS: '2' });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[foundation] with no worker taking the cycle’s tasks, "close now" answers 503 ENGINE.BUSY with Retry-After; sent again once the worker is back, the stage closes', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2058, { submission: 3600, others: 3600 }));
    await stageReaches(stack, cycleId, 'pendaftaran', 'open');
    await stack.stopWorker();

    const busy = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/close`, {});
    expect(busy.status).toBe(503);
    expect(busy.body).toMatchObject({ code: 'ENGINE.BUSY', message: expect.stringMatching(/reload/) });
    expect(busy.headers.get('retry-after')).toBe('5');

    // As the message says: the Update may still be applied, so the admin looks and sends it again if it was not.
    await stack.startWorker();
    await closeStage(stack, cycleId, 'pendaftaran');
    await stageReaches(stack, cycleId, 'pendaftaran', 'closed');
  });
});
