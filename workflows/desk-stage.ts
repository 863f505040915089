import { condition, proxyActivities } from '@temporalio/workflow';
import type { DeskStageActivities } from '../activities/desk/desk-stage.activities';
import { deskParams, type ResolvedStage } from '../libs/domain';
import type { CycleState } from './cycle.messages';
import { notify } from './notify';

const desk = proxyActivities<DeskStageActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumInterval: '1 minute' },
});

/** Histories started before desk evaluation had steps of its own replay without them. */
export const DESK_STEPS_PATCH = 'desk-stage-steps';

type StageState = CycleState['stages'][number];

/** At the opening: evaluators assigned (before the entries hear of the stage, so each finds its evaluators). */
export async function assignDesk(cycleId: string, stage: ResolvedStage): Promise<void> {
  await desk.assignDeskEvaluators({ cycleId, stageKey: stage.key });
}

/** Once the entries know the stage is open (and so take score sheets), each evaluator is told their entries. */
export async function tellEvaluators(cycleId: string, stage: ResolvedStage): Promise<void> {
  await notify({ kind: 'desk-assigned', cycleId, stageKey: stage.key });
}

/**
 * Reminds evaluators still missing a score at each of the template's offsets before the deadline, following an
 * extended deadline. An offset fires at most once (the database keeps who was reminded at which offset); one whose
 * moment passed before the stage opened is skipped.
 */
export async function remindBeforeDeadline(
  cycleId: string,
  stage: ResolvedStage,
  stageState: StageState,
  closed: () => boolean,
): Promise<void> {
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
 * evaluator may still score (the stage stays open until then), or undefined; the replacements are told.
 */
export async function settleMissingScores(
  cycleId: string,
  stage: ResolvedStage,
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

export async function computeDeskResults(cycleId: string, stage: ResolvedStage): Promise<void> {
  await desk.computeDeskResults({ cycleId, stageKey: stage.key });
}
