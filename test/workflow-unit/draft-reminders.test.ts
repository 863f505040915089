import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { DraftReminderPlan } from '../../activities/drafts.activities';
import type { draftRemindersWorkflow } from '../../workflows/draft-reminders.workflow';
import { WorkflowUnit } from '../support/workflow-unit';

jest.setTimeout(60_000);
Runtime.install({ logger: new DefaultLogger('WARN') });

const HOUR = 3_600_000;
/** The fake database: each cycle's plans, read in turn (the last one stays), as an extension would change them. */
const plans = new Map<string, DraftReminderPlan[]>();

const unit = new WorkflowUnit('draft-reminders', {
  draftReminderPlan: (cycleId: string) => {
    const queue = plans.get(cycleId)!;
    return queue.length > 1 ? queue.shift() : queue[0];
  },
});

describe('[workflow-unit] reminders of unsubmitted drafts', () => {
  beforeAll(() => unit.start());
  afterAll(() => unit.stop());

  async function run(name: string, ...sequence: DraftReminderPlan[]) {
    const workflowId = unit.workflowId(name);
    plans.set(workflowId, sequence);
    const handle = await unit.client.workflow.start<typeof draftRemindersWorkflow>('draftRemindersWorkflow', {
      workflowId,
      taskQueue: unit.taskQueue,
      args: [{ cycleId: workflowId }],
    });
    await handle.result();
    return unit.callsOf(workflowId, 'notify');
  }
  const offsets = (calls: { input: { hoursBefore: number } }[]) => calls.map((call) => call.input.hoursBefore);

  it('[workflow-unit] offsets already past when the first draft comes give one reminder, the nearest; a later one waits for its moment', async () => {
    const closesAt = new Date(Date.now() + 72 * HOUR - 1_000).toISOString();
    // 100 h and 72 h before are past; 71.998 h before is about six seconds from now.
    const started = Date.now();
    const reminded = await run('past-and-soon', { closesAt, hoursBefore: [100, 72, 71.998] });
    expect(offsets(reminded)).toEqual([72, 71.998]);
    expect(reminded[1].at - started).toBeGreaterThanOrEqual(5_000);
  });

  it('[workflow-unit] nothing is sent once submission has closed, or when the template sets no offsets', async () => {
    expect(await run('closed', { closesAt: null, hoursBefore: [24] })).toEqual([]);
    expect(await run('no-offsets', { closesAt: new Date(Date.now() + HOUR).toISOString(), hoursBefore: [] })).toEqual(
      [],
    );
  });

  it('[workflow-unit] an extension read after the wait moves the reminder to the new deadline', async () => {
    const first = new Date(Date.now() + HOUR + 5_000).toISOString();
    const extended = new Date(Date.now() + HOUR + 8_000).toISOString();
    const reminded = await run(
      'extended',
      { closesAt: first, hoursBefore: [1] },
      { closesAt: extended, hoursBefore: [1] },
    );
    // Woken at the first deadline's offset, it reads the extended one and waits again: one reminder, of the new deadline.
    expect(reminded.map((call) => [call.input.hoursBefore, call.input.closesAt])).toEqual([[1, extended]]);
  });
});
