import { PKRI_2024 } from '../../libs/domain';
import type { StageEvent } from '../../workflows/entry.messages';
import { compressedPkri, cycleStatus, ensureAgencies, startCycle, INNOVATION } from '../support/fixtures';
import { recordReplayFixture, scheduledActivityInputs } from '../support/history';
import { eventually, Stack } from '../support/stack';

jest.setTimeout(120_000);

const STAGE_KEYS = PKRI_2024.stages.map((stage) => stage.key);
const EXPECTED_HISTORY = STAGE_KEYS.flatMap((stage) => [
  { stage, kind: 'entered' },
  { stage, kind: 'completed' },
]);

describe('[foundation] a cycle on a calendar compressed to seconds', () => {
  const stack = new Stack('foundation-e2e');
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  it('[foundation] two agencies register, the stages run by themselves, and a late registration leaves nothing behind', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2091, { submission: 6, others: 1 }));

    const registrations = await Promise.all([
      stack.request('POST', `/cycles/${cycleId}/entries`, {
        agencyCode: 'kab-banyuwangi',
        title: 'Siswa Asuh Sebaya (SAS)',
        summary: 'Siswa yang mampu secara ekonomi membantu biaya pendidikan teman satu sekolah.',
        group: 'keberlanjutan',
        ...INNOVATION,
      }),
      stack.request('POST', `/cycles/${cycleId}/entries`, {
        agencyCode: 'prov-jawa-timur',
        title: 'Klinik BUM Desa',
        summary: 'Pendampingan, pelatihan dan saran agar BUM Desa sehat dan berkembang.',
        group: 'keberlanjutan',
        ...INNOVATION,
      }),
    ]);
    expect(registrations.map((response) => response.status)).toEqual([201, 201]);
    const entryIds = registrations.map((response) => response.body.id as string);

    await eventually('submission to close', async () =>
      (await cycleStatus(stack, cycleId)).stages[0].status === 'closed' ? true : undefined,
    );
    const late = await stack.request('POST', `/cycles/${cycleId}/entries`, {
      agencyCode: 'kota-palopo',
      title: 'Ayo Ceting Kota Palopo',
      summary: 'Replikasi Ayo Ceting (Cegah Stunting) dari Kota Padang.',
      group: 'keberlanjutan',
      ...INNOVATION,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REGISTRATION.CLOSED');
    expect(late.body.message).toMatch(/closed at \d{1,2} \w{3} \d{4} \d{2}:\d{2} WITA/);

    const finished = await eventually('the cycle to complete', async () => {
      const cycle = await cycleStatus(stack, cycleId);
      return cycle.status === 'completed' ? cycle : undefined;
    });
    expect(finished.stages.map((stage) => [stage.key, stage.status, stage.closedBy])).toEqual(
      STAGE_KEYS.map((key) => [key, 'closed', 'schedule']),
    );

    for (const entryId of entryIds) {
      const entry = await eventually(`entry ${entryId} to complete`, async () => {
        const { body } = await stack.request('GET', `/entries/${entryId}`);
        return body.status === 'completed' ? body : undefined;
      });
      expect(entry.stageHistory.map(({ stage, kind }: { stage: string; kind: string }) => ({ stage, kind }))).toEqual(
        EXPECTED_HISTORY,
      );

      const recorded = await scheduledActivityInputs<{ event: StageEvent }>(
        stack.client,
        entry.workflowId,
        'recordEntryStageEvent',
      );
      expect(recorded.map(({ event }) => ({ stage: event.stageKey, kind: event.kind }))).toEqual(EXPECTED_HISTORY);
      const result = await stack.client.workflow.getHandle(entry.workflowId).result();
      expect(result.status).toBe('completed');
    }

    const {
      body: { items: entries },
    } = await stack.request('GET', `/cycles/${cycleId}/entries`);
    expect(entries).toHaveLength(2);
    const workflows = [];
    for await (const workflow of stack.client.workflow.list({
      query: `CycleId = '${cycleId}' AND WorkflowType = 'entryWorkflow'`,
    })) {
      workflows.push(workflow.workflowId);
    }
    expect(workflows.sort()).toEqual(entries.map((entry: { workflowId: string }) => entry.workflowId).sort());

    await recordReplayFixture(stack.client, cycleId, 'cycle-full-run');
    await recordReplayFixture(stack.client, workflows[0], 'entry-full-run-record-seals');
  });
});
