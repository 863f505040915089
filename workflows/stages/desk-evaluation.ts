import { condition, proxyActivities } from '@temporalio/workflow';
import type { DeskStageActivities } from '../../activities/desk/desk-stage.activities';
import { deskParams } from '../../libs/domain';
import { notify } from '../notify';
import type { StageKind, StageRun } from './stage-kind';

const desk = proxyActivities<DeskStageActivities>({
  startToCloseTimeout: '10 minutes',
  // The worker heartbeats it while it runs (apps/worker): one that died is noticed in 30 s, not at the timeout.
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * Desk evaluation: evaluators are assigned before the stage shows as open (so each entry finds its evaluators) and
 * told once the entries take score sheets; reminders run while it is open; at the deadline missing scores are
 * handled as the template says (a grace keeps the stage open); at the close each entry's desk result is computed.
 */
export const deskEvaluation: StageKind = {
  async beforeOpen({ cycleId, stage }) {
    await desk.assignDeskEvaluators({ cycleId, stageKey: stage.key });
  },
  async afterOpen({ cycleId, stage }) {
    await notify({ kind: 'desk-assigned', cycleId, stageKey: stage.key });
  },
  async whileOpen(run) {
    let closing = false;
    const reminders = remindBeforeDeadline(run, () => closing);
    return {
      async atClose(closedBy) {
        closing = true;
        await reminders;
        const graceUntil = await settleMissingScores(run, closedBy);
        // Late scorers have until the grace ends; the wait follows extensions and pauses like any deadline.
        if (graceUntil && closedBy === 'schedule' && graceUntil > run.stageState.closesAt!) {
          run.stageState.closesAt = graceUntil;
          return run.waitForClose();
        }
        return closedBy;
      },
    };
  },
  async afterClose({ cycleId, stage }) {
    await desk.computeDeskResults({ cycleId, stageKey: stage.key });
  },
};

/**
 * Reminds evaluators still missing a score at each of the template's offsets before the deadline, following an
 * extended deadline. An offset fires at most once (the database keeps who was reminded at which offset); one whose
 * moment passed before the stage opened is skipped.
 */
async function remindBeforeDeadline({ cycleId, stage, stageState }: StageRun, closed: () => boolean): Promise<void> {
  const openedAt = Date.now();
  for (const hoursBefore of deskParams(stage.params).remindHoursBefore) {
    for (;;) {
      const deadline = stageState.closesAt!;
      const remindAt = Date.parse(deadline) - hoursBefore * 3_600_000;
      if (remindAt < openedAt) break;
      const wait = remindAt - Date.now();
      const interrupted = wait > 0 && (await condition(() => closed() || stageState.closesAt !== deadline, wait));
      if (closed()) return;
      if (interrupted) continue;
      await desk.recordDeskReminders({ cycleId, stageKey: stage.key, hoursBefore });
      await notify({ kind: 'desk-reminder', cycleId, stageKey: stage.key, hoursBefore });
      break;
    }
  }
}

/**
 * At the deadline: missing scores handled as the template says. Returns until when an extended or reassigned
 * evaluator may still score, or undefined; the replacements are told.
 */
async function settleMissingScores(
  { cycleId, stage }: StageRun,
  closedBy: 'admin' | 'schedule',
): Promise<string | undefined> {
  const { graceUntil, reassigned } = await desk.handleMissingScores({
    cycleId,
    stageKey: stage.key,
    closedByAdmin: closedBy === 'admin',
    at: new Date().toISOString(),
  });
  if (reassigned.length > 0) {
    await notify({ kind: 'desk-reassigned', cycleId, stageKey: stage.key, assignmentIds: reassigned });
  }
  return graceUntil ?? undefined;
}
