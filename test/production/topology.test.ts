import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Client as PgClient } from 'pg';
import { parse } from 'yaml';
import { PKRI_2024 } from '../../libs/domain';
import { freeServerPortBase, TEMPORAL_SERVER_VERSION } from '../../libs/temporal';
import { startProductionStack, type ProductionStack } from '../../scripts/stack/production-stack';
import { ADMIN_DATABASE_URL } from '../support/admin-database';
import { compressedPkri, cycleStatus, ensureAgencies, INNOVATION, startCycle } from '../support/fixtures';
import { eventually, JWT_SECRET, Stack, TEST_ADMIN } from '../support/stack';
import { testEnv } from '../support/test-env';
import { DEMO_AGENCIES } from '../../scripts/demo-data';

jest.setTimeout(240_000);

const EXPECTED_HISTORY = PKRI_2024.stages.flatMap((stage) => [
  { stage: stage.key, kind: 'entered' },
  { stage: stage.key, kind: 'completed' },
]);

describe('[production] the production topology: Temporal server on PostgreSQL, two workers, two API replicas', () => {
  let topology: ProductionStack;
  const stack = new Stack('production-topology');
  const prefix = `tahap_prod_${process.pid}`;

  beforeAll(async () => {
    topology = await startProductionStack({
      projectRoot: join(__dirname, '..', '..'),
      dir: join(testEnv('scratch'), 'production-topology'),
      postgres: { adminUrl: ADMIN_DATABASE_URL },
      prefix,
      temporalPort: await freeServerPortBase(),
      apiPort: 0,
      workers: 2,
      apis: 2,
      env: {
        TEMPORAL_TASK_QUEUE: 'production-topology',
        JWT_SECRET,
        TAHAP_ADMIN_EMAIL: TEST_ADMIN.email,
        TAHAP_ADMIN_PASSWORD: TEST_ADMIN.password,
        SMTP_URL: testEnv('smtpUrl'),
        WEB_DIR: join(testEnv('build'), 'web'),
        WORKER_SHUTDOWN_GRACE_SECONDS: '2',
      },
    });
    await stack.attach(topology.origin, topology.temporalAddress, topology.databaseUrl);
    await ensureAgencies(stack);
  });
  afterAll(async () => {
    await stack.stop();
    await topology?.stop({ drop: true });
  });

  it('[production] a compressed cycle completes: every entry’s stage history in Temporal and PostgreSQL, work shared by both workers and both API replicas', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2048, { submission: 8, others: 1 }));
    const registrations = await Promise.all(
      DEMO_AGENCIES.slice(0, 6).map((agency, index) =>
        stack.request('POST', `/cycles/${cycleId}/entries`, {
          agencyCode: agency.code,
          title: `Inovasi produksi ${index + 1}`,
          summary: 'Inovasi untuk menguji bentuk produksi: server Temporal di atas PostgreSQL.',
          group: 'keberlanjutan',
          ...INNOVATION,
        }),
      ),
    );
    expect(registrations.map((answer) => [answer.status, answer.body.message])).toEqual(
      registrations.map(() => [201, undefined]),
    );

    const finished = await eventually(
      'the cycle to complete',
      async () => {
        const cycle = await cycleStatus(stack, cycleId);
        return cycle.status === 'completed' ? cycle : undefined;
      },
      180_000,
    );
    expect(finished.stages.every((stage) => stage.status === 'closed')).toBe(true);

    const workerIdentities = new Set<string>();
    for (const { body: entry } of registrations) {
      const done = await eventually(`entry ${entry.id} to complete`, async () => {
        const { body } = await stack.request('GET', `/entries/${entry.id}`);
        return body.status === 'completed' ? body : undefined;
      });
      expect(done.stageHistory.map(({ stage, kind }: { stage: string; kind: string }) => ({ stage, kind }))).toEqual(
        EXPECTED_HISTORY,
      );
      const history = await stack.client.workflow.getHandle(done.workflowId).fetchHistory();
      for (const event of history.events ?? []) {
        const identity = event.activityTaskStartedEventAttributes?.identity;
        if (identity) workerIdentities.add(identity);
      }
    }
    // Activities went to both workers (each names itself `pid@host`).
    expect(workerIdentities.size).toBe(2);
    // The server's visibility is PostgreSQL with Tahap's search attributes.
    const listed = [];
    for await (const workflow of stack.client.workflow.list({
      query: `CycleId = '${cycleId}' AND WorkflowType = 'entryWorkflow' AND ExecutionStatus = 'Completed'`,
    }))
      listed.push(workflow.workflowId);
    expect(listed).toHaveLength(registrations.length);
    // Both API replicas answered requests through the one port.
    for (const api of topology.apis) {
      const port = /Tahap API listening on http:\/\/[^\s":]+:(\d+)/.exec(api.process.output())![1];
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const answered = [...metrics.matchAll(/^tahap_http_requests_total\{[^}]*route="\/api[^}]*\} (\d+)$/gm)];
      expect([api.name, answered.reduce((sum, [, count]) => sum + Number(count), 0) > 0]).toEqual([api.name, true]);
    }
  });

  it('[production] the processes’ role owns nothing: it appends to the audit log but may neither UPDATE nor DELETE it, nor switch its triggers off', async () => {
    const pg = new PgClient({ connectionString: topology.databaseUrl });
    await pg.connect();
    try {
      const { rows } = await pg.query<{ count: string }>('SELECT count(*) FROM audit_log');
      expect(Number(rows[0].count)).toBeGreaterThan(0);
      await expect(pg.query(`UPDATE audit_log SET payload = '{}'::jsonb`)).rejects.toThrow(
        /permission denied for table audit_log/,
      );
      await expect(pg.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied for table audit_log/);
      await expect(pg.query('ALTER TABLE audit_log DISABLE TRIGGER USER')).rejects.toThrow(/must be owner/);
      const { rows: owners } = await pg.query<{ owner: string }>(
        `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(owners).toEqual([{ owner: `${prefix}_owner` }]);
    } finally {
      await pg.end();
    }
  });

  it('[production] runs the server release docker-compose.yml runs', () => {
    const compose = parse(readFileSync(join(__dirname, '..', '..', 'docker-compose.yml'), 'utf8'));
    expect(String(compose.services.temporal.image)).toBe(`temporalio/server:${TEMPORAL_SERVER_VERSION}`);
  });
});
