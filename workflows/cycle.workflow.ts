import { ApplicationFailure, condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { CycleStageActivities } from '../activities/cycle-stage.activities';
import type { FanOutActivities } from '../activities/fan-out.activities';
import { ErrorCode } from '../libs/domain/error-codes';
import type { ResolvedStage } from '../libs/domain';
import { closeStageNowUpdate, cycleStateQuery, type CycleState, type CycleWorkflowInput } from './cycle.messages';
import { upsertAttributes } from './search-attributes';

const stageActivities = proxyActivities<CycleStageActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

// The fan-out heartbeats every batch; a worker lost mid-way is noticed after the heartbeat timeout and the
// retry resumes from the last heartbeated entry.
const { fanOutStageEvent } = proxyActivities<FanOutActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * A yearly cycle: walks the template's stages in order. Each stage opens at its instant, waits for its close
 * instant or an admin's "close now", closes, and the entries are told. History grows with stages, not entries.
 */
export async function cycleWorkflow({ cycleId, template }: CycleWorkflowInput): Promise<CycleState> {
  const state: CycleState = {
    cycleId,
    status: 'running',
    stages: template.stages.map((stage) => ({ key: stage.key, status: 'pending' })),
  };
  const stageState = (key: string) => state.stages.find((stage) => stage.key === key)!;
  let closeRequestedFor: string | undefined;

  setHandler(cycleStateQuery, () => state);
  setHandler(
    closeStageNowUpdate,
    async ({ stageKey }) => {
      closeRequestedFor = stageKey;
      await condition(() => stageState(stageKey).status === 'closed');
      return { stageKey, closedAt: new Date().toISOString() };
    },
    {
      validator: ({ stageKey }) => {
        const stage = state.stages.find((candidate) => candidate.key === stageKey);
        if (!stage) {
          throw ApplicationFailure.create({
            type: ErrorCode.StageNotOpen,
            message: `Stage "${stageKey}" is not part of this cycle; its stages are ${state.stages.map((s) => s.key).join(', ')}.`,
            nonRetryable: true,
          });
        }
        if (stage.status !== 'open') {
          throw ApplicationFailure.create({
            type: stage.status === 'closed' ? ErrorCode.StageAlreadyClosed : ErrorCode.StageNotOpen,
            message:
              stage.status === 'closed'
                ? `Stage "${stageKey}" is already closed.`
                : `Stage "${stageKey}" has not opened yet, so it cannot be closed.`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  upsertAttributes({ CycleId: cycleId, Programme: template.programme, Year: template.year });
  await stageActivities.markCycleRunning(cycleId);

  const lastIndex = template.stages.length - 1;
  for (const [index, stage] of template.stages.entries()) {
    await sleepUntil(stage.opensAt);
    const openedAt = now();
    await stageActivities.openStage({ cycleId, stageKey: stage.key, at: openedAt });
    stageState(stage.key).status = 'open';
    state.currentStage = stage.key;
    upsertAttributes({ Stage: stage.key });
    // Entries join during submission; from the second stage on they are told that a stage began.
    if (index > 0) await fanOutStageEvent({ cycleId, event: { stageKey: stage.key, kind: 'entered', at: openedAt } });

    const closedByAdmin = await condition(() => closeRequestedFor === stage.key, remaining(stage));
    const closedAt = now();
    await stageActivities.closeStage({
      cycleId,
      stageKey: stage.key,
      at: closedAt,
      closedBy: closedByAdmin ? 'admin' : 'schedule',
    });
    Object.assign(stageState(stage.key), { status: 'closed', closedBy: closedByAdmin ? 'admin' : 'schedule' });
    await fanOutStageEvent({
      cycleId,
      event: { stageKey: stage.key, kind: 'completed', at: closedAt, outcome: 'completed', final: index === lastIndex },
    });
  }

  await stageActivities.completeCycle({ cycleId, at: now() });
  state.status = 'completed';
  state.currentStage = undefined;
  return state;
}

function now(): string {
  return new Date().toISOString();
}

async function sleepUntil(instant: string): Promise<void> {
  const wait = Date.parse(instant) - Date.now();
  if (wait > 0) await sleep(wait);
}

/** Milliseconds until the stage's close instant; at least 1 so an overdue stage still closes through the timer path. */
function remaining(stage: ResolvedStage): number {
  return Math.max(1, Date.parse(stage.closesAt) - Date.now());
}
