import { proxyActivities, sleep } from '@temporalio/workflow';
import type { DraftActivities } from '../activities/drafts.activities';
import { notify } from './notify';

const { draftReminderPlan } = proxyActivities<DraftActivities>({ startToCloseTimeout: '1 minute' });

export interface DraftRemindersInput {
  cycleId: string;
}

/**
 * `draftRemindersWorkflowId(cycleId)`, started by the cycle's first draft. Reminds agencies whose drafts are still not submitted, at the template's offsets before the submission deadline
 * (`draftReminderHoursBefore`). It reads the deadline again after each wait, so an extension moves the reminders
 * with it; offsets already past when it starts give one reminder, not several. It ends when submission closes or
 * every offset has been reminded.
 */
export async function draftRemindersWorkflow(input: DraftRemindersInput): Promise<void> {
  const reminded = new Set<string>();
  for (;;) {
    const plan = await draftReminderPlan(input.cycleId);
    if (!plan.closesAt) return;
    const deadline = Date.parse(plan.closesAt);
    const due = plan.hoursBefore
      .map((hoursBefore) => ({ hoursBefore, at: deadline - hoursBefore * 3_600_000 }))
      .filter(({ hoursBefore }) => !reminded.has(`${plan.closesAt}/${hoursBefore}`));
    if (due.length === 0 || deadline <= Date.now()) return;
    const passed = due.filter(({ at }) => at <= Date.now());
    if (passed.length === 0) {
      await sleep(Math.min(...due.map(({ at }) => at)) - Date.now());
      continue;
    }
    // The nearest of the offsets already past is the one that is true now ("24 hours left", not "72").
    const latest = passed[passed.length - 1];
    await notify({
      kind: 'draft-reminder',
      cycleId: input.cycleId,
      closesAt: plan.closesAt,
      hoursBefore: latest.hoursBefore,
    });
    for (const { hoursBefore } of passed) reminded.add(`${plan.closesAt}/${hoursBefore}`);
  }
}
