import { compressedPkri, stageReaches, startCycle } from '../support/fixtures';
import { eventually, Stack } from '../support/stack';

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
    // The worker back takes a moment to reach the cycle's task: until then a resend may meet a busy engine too.
    await stack.startWorker();
    await eventually('the stage to close once the worker is back', async () => {
      const { body } = await stack.request('GET', `/cycles/${cycleId}`);
      const stage = body.stages.find((candidate: { key: string }) => candidate.key === 'pendaftaran');
      if (stage.status === 'closed') return true;
      if (stage.status !== 'open') return undefined;
      const again = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/close`, {});
      if (again.status !== 200 && again.body?.code !== 'STAGE.ALREADY_CLOSED')
        expect(again.body.code).toBe('ENGINE.BUSY');
      return undefined;
    });
  });
});
