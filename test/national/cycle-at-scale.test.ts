import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runStage, setUpCycle, type CycleSetup } from '../../scripts/bench/cycle-people';
import { historiesOf } from '../../scripts/bench/history-stats';
import { inBatches } from '../../scripts/bench/in-batches';
import type { StageEvent } from '../../workflows/entry.messages';
import { tahap } from '../audit/audit-fixtures';
import { scheduledActivityInputs } from '../support/history';
import { NATIONAL_SCALE_TASK_QUEUE } from '../support/other-suites';
import { Stack } from '../support/stack';

/**
 * A whole KIPP-shaped cycle of 1,000 entries, its calendar compressed, driven through the public API by the
 * benchmark's simulated people (scripts/bench/cycle-people.ts): agencies register, the secretariat screens, two
 * evaluators score each entry, panels interview the finalists, the plenary decides and the announcement goes out.
 * A 100-entry cycle runs beside it, so the cycle's own history can be compared across sizes.
 */
const SMALL = { entries: 100, year: 2050 };
const LARGE = { entries: 1_000, year: 2051 };
/** Requests in flight at once: fewer than the benchmark's 50, since other suites share the machine. */
const CONCURRENCY = 25;
/**
 * A tenth pass screening (KIPP passes about four sevenths): every stage after it still runs for a hundred entries,
 * and the suite, the test run's longest, fits its budget; the benchmark keeps KIPP's shares.
 */
const PASSING_SCREENING = 0.1;
const LONGEST_ENTRY_HISTORY = 300;

interface EntryRow {
  id: string;
  workflow_id: string;
  status: string;
}

interface StageRow {
  entry_id: string;
  stage_key: string;
  kind: string;
  outcome: string | null;
}

let stack: Stack;

async function runCycle(entries: number, year: number): Promise<CycleSetup> {
  const api = { baseUrl: stack.baseUrl, adminToken: (stack.admin as { token: string }).token };
  const shape = {
    entries,
    agencies: Math.max(50, Math.ceil(entries / 6)),
    evaluators: Math.max(10, Math.ceil(entries / 100)),
    concurrency: CONCURRENCY,
    passingScreening: PASSING_SCREENING,
  };
  const setup = await setUpCycle(api, shape, year);
  for (const stage of setup.stages) await runStage(api, setup, stage);
  return setup;
}

/** The stage events as the read model holds them, per entry, in a comparable order. */
async function stageEventsInDatabase(cycleId: string): Promise<Map<string, string[]>> {
  const rows: StageRow[] = await stack.db.query(
    `SELECT e.entry_id, e.stage_key, e.kind, e.outcome
       FROM entry_stage_events e JOIN entries n ON n.id = e.entry_id
      WHERE n.cycle_id = $1`,
    [cycleId],
  );
  const byEntry = new Map<string, string[]>();
  for (const row of rows) {
    const list = byEntry.get(row.entry_id) ?? [];
    list.push(`${row.stage_key} ${row.kind} ${row.outcome ?? '-'}`);
    byEntry.set(row.entry_id, list);
  }
  for (const list of byEntry.values()) list.sort();
  return byEntry;
}

/** What the people do and when: the admin's Updates, timers they cut short, a plenary that may have ended first. */
const PEOPLE_AND_TIMING =
  /^(timer|workflowTask|workflowExecutionUpdate|signalExternal|externalWorkflowExecutionSignaled)/;

/**
 * The cycle's history: its length, and the steps it takes by itself: its activities by type, its child, its
 * search-attribute upserts, its start and end. The rest follows the people and timing, not the number of entries:
 * the admin's Updates (the plenary's decision may close its stage before the admin does), whether a stage's
 * calendar timer had started when "open now" came, a signal to a plenary that had already ended, and how events
 * arriving close together were batched into workflow tasks.
 */
async function cycleHistory(cycleId: string) {
  const events = (await stack.client.workflow.getHandle(cycleId).fetchHistory()).events ?? [];
  const steps: Record<string, number> = {};
  for (const event of events) {
    const kind = Object.keys(event).find((key) => key.endsWith('EventAttributes') && (event as any)[key]) ?? '';
    if (PEOPLE_AND_TIMING.test(kind)) continue;
    const step = event.activityTaskScheduledEventAttributes?.activityType?.name ?? kind;
    steps[step] = (steps[step] ?? 0) + 1;
  }
  return { events: events.length, steps };
}

beforeAll(async () => {
  // The people sign in once; a cycle on a busy machine can outlast the default session.
  stack = await new Stack(NATIONAL_SCALE_TASK_QUEUE, { ACCESS_TOKEN_MINUTES: '240' }).start();
});

afterAll(async () => {
  await stack?.stop();
});

describe('[scale] a whole cycle of 1,000 entries', () => {
  let small: CycleSetup;
  let large: CycleSetup;

  it('[scale] a 100-entry and a 1,000-entry cycle complete every stage, driven by simulated people', async () => {
    // At once: each waits on its interview slots while the other works.
    [small, large] = await Promise.all([runCycle(SMALL.entries, SMALL.year), runCycle(LARGE.entries, LARGE.year)]);
    for (const setup of [small, large]) {
      const { body } = await stack.request('GET', `/cycles/${setup.cycleId}`);
      expect(body.status).toBe('completed');
      expect(body.stages.map((stage: { status: string }) => stage.status)).toEqual(setup.stages.map(() => 'closed'));
    }
    expect(large.entries).toHaveLength(LARGE.entries);
    expect(large.finalists.length).toBeGreaterThan(0);
  }, 1_500_000);

  it('[scale] every entry ended, and its stage history in PostgreSQL is the one its workflow recorded', async () => {
    const workflowIds: { workflow_id: string }[] = await stack.db.query(
      'SELECT workflow_id FROM entries WHERE cycle_id = $1',
      [large.cycleId],
    );
    expect(workflowIds).toHaveLength(LARGE.entries);
    // The cycle completes as it tells its entries of the last close: each entry's workflow ends a moment later.
    const inTemporal = new Map<string, { status: string; events: string[] }>();
    await inBatches(workflowIds, 8, async ({ workflow_id: workflowId }) => {
      const result = await stack.client.workflow.getHandle(workflowId).result();
      const recorded = await scheduledActivityInputs<{ event: StageEvent }>(
        stack.client,
        workflowId,
        'recordEntryStageEvent',
      );
      const events = recorded.map(({ event }) => `${event.stageKey} ${event.kind} ${event.outcome ?? '-'}`).sort();
      inTemporal.set(result.entryId, { status: result.status, events });
    });
    // Read once every workflow has ended, so the read model has had its last write.
    const entries: EntryRow[] = await stack.db.query(
      'SELECT id, workflow_id, status FROM entries WHERE cycle_id = $1',
      [large.cycleId],
    );
    const inDatabase = await stageEventsInDatabase(large.cycleId);
    const disagreements: string[] = [];
    for (const entry of entries) {
      const workflow = inTemporal.get(entry.id);
      if (workflow?.status !== entry.status) {
        disagreements.push(`${entry.id}: ${entry.status} in PostgreSQL, ${workflow?.status} in Temporal`);
      }
      if (JSON.stringify(workflow?.events) !== JSON.stringify(inDatabase.get(entry.id) ?? [])) {
        disagreements.push(`${entry.id}: stage events differ`);
      }
    }
    expect(disagreements).toEqual([]);
    const statuses = new Set(entries.map((entry) => entry.status));
    expect([...statuses].sort()).toEqual(['completed', 'eliminated']);
  }, 600_000);

  it('[scale] no entry history is over 300 events, and the cycle history takes the same steps at 100 and 1,000 entries', async () => {
    const histories = await historiesOf(stack.client, `CycleId = '${large.cycleId}'`);
    const entryHistories = histories.filter((history) => history.workflowType === 'entryWorkflow');
    expect(entryHistories).toHaveLength(LARGE.entries);
    const longest = Math.max(...entryHistories.map((history) => history.events));
    expect(longest).toBeLessThanOrEqual(LONGEST_ENTRY_HISTORY);

    const [smallCycle, largeCycle] = [await cycleHistory(small.cycleId), await cycleHistory(large.cycleId)];
    // Every step the cycle takes by itself the same, exactly.
    expect(largeCycle.steps).toEqual(smallCycle.steps);
    console.log(
      `[scale] cycle history: ${smallCycle.events} events at ${SMALL.entries} entries, ${largeCycle.events} at ` +
        `${LARGE.entries}; ${Object.values(largeCycle.steps).reduce((sum, count) => sum + count, 0)} steps in both`,
    );
  }, 600_000);

  it('[scale] the 1,000-entry cycle, exported by the command line, imports and verifies without a server', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tahap-scale-export-'));
    const env = { TAHAP_API_URL: stack.baseUrl, TAHAP_TOKEN: (stack.admin as { token: string }).token };
    try {
      const file = join(directory, `${large.cycleId}.tar.gz`);
      const exported = await tahap(['audit', 'export', '--cycle', large.cycleId, '--out', file], env);
      if (exported.code !== 0) throw new Error(`export failed: ${exported.stdout}${exported.stderr}`);
      // Replaying its 1,002 histories too would double the suite's share of the test run; the benchmark measures
      // replay at scale (npm run bench:cycle), and every other suite's histories replay in every-history.last.
      const imported = await tahap(['audit', 'import', file]);
      if (imported.code !== 0) throw new Error(`import failed: ${imported.stdout}${imported.stderr}`);
      // The cycle, its plenary and every entry, each file's SHA-256 checked against the manifest.
      const verified = new RegExp(`${large.cycleId}, exported .*, (\\d+) histories, \\d+ audit rows: verified`).exec(
        imported.stdout,
      );
      expect(verified).not.toBeNull();
      expect(Number(verified![1])).toBe(large.entries.length + 2);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }, 600_000);
});
