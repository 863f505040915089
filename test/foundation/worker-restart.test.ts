import { PKRI_2024 } from '../../libs/domain';
import { EntryStageEventEntity } from '../../libs/persistence';
import { compressedPkri, cycleStatus, ensureAgencies, startCycle, INNOVATION } from '../support/fixtures';
import { eventually, Stack } from '../support/stack';
import { DEMO_AGENCIES } from '../../scripts/demo-data';

jest.setTimeout(180_000);

describe('[foundation] the worker stops in the middle of a stage', () => {
  const stack = new Stack('foundation-worker-restart');
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  it('[foundation] the cycle completes after the worker comes back, and nothing is lost or doubled', async () => {
    // The cycle runs on its own calendar; the agencies register at once, well inside the submission window.
    const cycleId = await startCycle(stack, compressedPkri(2094, { submission: 10, others: 3 }));
    const registrations = await Promise.all(
      DEMO_AGENCIES.map((agency) =>
        stack.request('POST', `/cycles/${cycleId}/entries`, {
          agencyCode: agency.code,
          title: `Inovasi ${agency.code}`,
          summary: 'Inovasi pelayanan publik untuk uji henti pekerja.',
          group: 'keberlanjutan',
          ...INNOVATION,
        }),
      ),
    );
    expect(registrations.map(({ status }) => status)).toEqual(DEMO_AGENCIES.map(() => 201));
    const entryIds: string[] = registrations.map(({ body }) => body.id);

    const desk = PKRI_2024.stages.findIndex((stage) => stage.type === 'desk-evaluation');
    await eventually('the desk-evaluation stage to open', async () =>
      (await cycleStatus(stack, cycleId)).stages[desk].status === 'open' ? true : undefined,
    );
    await stack.stopWorker();
    // The open stage's close instant and the next stage's open instant pass with no worker.
    const { stages } = await cycleStatus(stack, cycleId);
    const passed = Math.max(Date.parse(stages[desk].closesAt), Date.parse(stages[desk + 1].opensAt)) + 1_000;
    await eventually('the desk close and the next opening to pass', async () =>
      Date.now() > passed ? true : undefined,
    );
    expect((await cycleStatus(stack, cycleId)).stages[desk].status).toBe('open');
    await stack.startWorker();

    await eventually(
      'the cycle to complete',
      async () => ((await cycleStatus(stack, cycleId)).status === 'completed' ? true : undefined),
      120_000,
    );
    const stageKeys = PKRI_2024.stages.map((stage) => stage.key);
    for (const entryId of entryIds) {
      const entry = await eventually(`entry ${entryId} to complete`, async () => {
        const { body } = await stack.request('GET', `/entries/${entryId}`);
        return body.status === 'completed' ? body : undefined;
      });
      expect(
        entry.stageHistory.map((event: { stage: string; kind: string }) => `${event.stage}:${event.kind}`),
      ).toEqual(stageKeys.flatMap((key) => [`${key}:entered`, `${key}:completed`]));
      const result = await stack.client.workflow.getHandle(entry.workflowId).result();
      expect(result.history.map((record: { stageKey: string }) => record.stageKey)).toEqual(stageKeys);
    }
    const rows = await stack.db
      .getRepository(EntryStageEventEntity)
      .count({ where: entryIds.map((entryId) => ({ entryId })) });
    expect(rows).toBe(entryIds.length * stageKeys.length * 2);
  });
});
