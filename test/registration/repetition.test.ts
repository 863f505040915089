import { compressedPkri, ensureAgencies } from '../support/fixtures';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack } from '../support/stack';

describe('[registration] yearly repetition', () => {
  const stack = Stack.shared();
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  it('[registration] configuring yearly repetition creates the schedule; triggering it starts the next cycle with the chosen template version', async () => {
    // A programme of its own, so no other suite's cycles decide which year comes next.
    const base = { ...compressedPkri(2088, { submission: 600, others: 60 }), key: 'ulang-test', programme: 'ulang' };
    const first = await stack.request('POST', '/templates', { definition: base });
    const second = await stack.request('POST', '/templates', { definition: { ...base, name: 'Ulang, versi kedua' } });
    expect([first.status, second.status]).toEqual([201, 201]);
    const thisYear = await stack.request('POST', '/cycles', { templateKey: 'ulang-test', templateVersion: 1 });
    expect(thisYear.body.id).toBe('cycle-ulang-2088');

    const repetition = { templateKey: 'ulang-test', templateVersion: 2, month: 1, day: 15, time: '08:00', zone: 'WIB' };
    const wrongProgramme = await stack.request('PUT', '/repetitions/pkri', repetition);
    expect(wrongProgramme.status).toBe(400);
    const badDay = await stack.request('PUT', '/repetitions/ulang', {
      ...repetition,
      month: 2,
      day: 30,
      time: '25:00',
    });
    expect(badDay.status).toBe(400);
    expect(badDay.body.details.map((issue: { path: string }) => issue.path).sort()).toEqual(['day', 'time']);

    const configured = await stack.request('PUT', '/repetitions/ulang', repetition);
    expect(configured.status).toBe(200);
    expect(configured.body.template).toEqual({ templateKey: 'ulang-test', templateVersion: 2 });
    // 08:00 WIB on 15 January is 01:00 UTC.
    expect(configured.body.nextStarts[0]).toMatch(/-01-15T01:00:00/);
    const schedule = await stack.client.schedule.getHandle('yearly-ulang').describe();
    expect(schedule.spec.timezone).toBe('Asia/Jakarta');

    expect((await stack.request('POST', '/repetitions/ulang/trigger')).status).toBe(202);
    const nextYear = await eventually('the next cycle to start', async () => {
      const { status, body } = await stack.request('GET', '/cycles/cycle-ulang-2089');
      return status === 200 ? body : undefined;
    });
    expect(nextYear).toMatchObject({ year: 2089, template: { key: 'ulang-test', version: 2 } });
    const firstOpen = Date.parse(thisYear.body.stages[0].opensAt);
    const nextOpen = Date.parse(nextYear.stages[0].opensAt);
    expect(Math.round((nextOpen - firstOpen) / 86_400_000)).toBeGreaterThanOrEqual(365);

    for await (const run of stack.client.workflow.list({ query: `WorkflowType = 'yearlyCycleWorkflow'` })) {
      await stack.client.workflow.getHandle(run.workflowId).result();
      await recordReplayFixture(stack.client, run.workflowId, 'yearly-cycle');
    }

    expect((await stack.request('DELETE', '/repetitions/ulang')).status).toBe(200);
    expect((await stack.request('GET', '/repetitions/ulang')).status).toBe(404);
  });
});
