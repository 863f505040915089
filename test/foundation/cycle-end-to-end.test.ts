import { PKRI_2024 } from '../../libs/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../libs/temporal';
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
  let stack: Stack;
  let workerMetrics = '';
  let cycleId = '';
  beforeAll(async () => {
    const address = `127.0.0.1:${await freePort()}`;
    workerMetrics = `http://${address}/metrics`;
    stack = new Stack('foundation-e2e', { WORKER_METRICS_ADDRESS: address });
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  it('[foundation] two agencies register, the stages run by themselves, and a late registration leaves nothing behind', async () => {
    cycleId = await startCycle(stack, compressedPkri(2091, { submission: 6, others: 1 }));

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

  it('[production] /metrics of the API and the worker answer in Prometheus format with the named series; the logs are JSON lines naming the workflow, run, cycle and entry', async () => {
    expect(cycleId).not.toBe('');
    const api = await fetch(`${stack.origin}/metrics`);
    expect(api.status).toBe(200);
    expect(api.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const apiSeries = await api.text();
    // One series per route pattern, not per cycle: the cycle id is not in its label.
    expect(apiSeries).toMatch(
      /^tahap_http_requests_total\{method="GET",route="\/api\/cycles\/:cycleId",status="200"\} \d+$/m,
    );
    expect(apiSeries).toMatch(
      /^tahap_http_request_duration_seconds_bucket\{.*route="\/api\/entries\/:entryId".*\} \d+$/m,
    );
    expect(apiSeries).toMatch(
      /^tahap_http_requests_total\{method="POST",route="\/api\/cycles\/:cycleId\/entries",status="409"\} 1$/m,
    );
    expect(apiSeries).toMatch(/^# TYPE tahap_http_server_errors_total counter$/m);
    expect(apiSeries).toMatch(/^process_cpu_seconds_total \d/m);
    expect(apiSeries).not.toContain(cycleId);

    const worker = await fetch(workerMetrics);
    expect(worker.status).toBe(200);
    const workerSeries = await worker.text();
    // The SDK's own, through its runtime telemetry, and Tahap's, recorded by the activities.
    expect(workerSeries).toMatch(/^temporal_workflow_completed_total\{.*\} \d+$/m);
    expect(workerSeries).toMatch(/^temporal_activity_execution_latency_seconds_bucket\{.*\} \d+$/m);
    for (const stage of STAGE_KEYS)
      expect(workerSeries).toMatch(
        new RegExp(`^tahap_stage_transitions_total\\{[^}]*kind="entered"[^}]*stage="${stage}"[^}]*\\} 2$`, 'm'),
      );
    expect(workerSeries).toMatch(/^tahap_audit_seals_total\{.*\} [1-9]\d*$/m);
    expect(workerSeries).toMatch(
      /^tahap_notice_deliveries_total\{[^}]*channel="email"[^}]*outcome="accepted"[^}]*\} [1-9]\d*$/m,
    );

    // Every series the Grafana dashboard in deploy/ draws is one of these two endpoints serves.
    const dashboard = readFileSync(
      join(__dirname, '..', '..', 'deploy', 'grafana', 'dashboards', 'tahap.json'),
      'utf8',
    );
    const drawn = new Set(
      [...dashboard.matchAll(/\b((?:tahap|temporal|process|nodejs)_[a-z_]+?)(?:_bucket|_sum|_count)?\b/g)].map(
        (match) => match[1],
      ),
    );
    expect(drawn.size).toBeGreaterThan(5);
    for (const series of drawn)
      expect([series, new RegExp(`^# TYPE ${series} `, 'm').test(apiSeries + workerSeries)]).toEqual([series, true]);

    const lines = stack
      .log('worker')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const entered = lines.find((line) => line.message === `Entry entered stage ${STAGE_KEYS[0]}`);
    expect(entered).toMatchObject({
      level: 'log',
      context: 'Temporal',
      cycleId,
      workflowId: expect.stringMatching(/^entry-/),
      runId: expect.any(String),
      entryId: expect.any(String),
      stage: STAGE_KEYS[0],
    });
    expect(entered!.workflowId).toBe(`entry-${cycleId}-${entered!.entryId as string}`);
    const apiLines = stack
      .log('api')
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(apiLines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({
        level: 'log',
        context: 'Bootstrap',
        message: expect.stringMatching(/^Tahap API listening on http:/),
      }),
    );
  });
});
