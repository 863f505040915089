import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CycleStageActivities } from '../activities/cycle-stage.activities';
import { ErrorCode } from '../libs/domain/error-codes';
import {
  closeStageNowUpdate,
  cycleStateQuery,
  openStageNowUpdate,
  extendStageDeadlineUpdate,
  pauseCycleUpdate,
  resumeCycleUpdate,
  type CycleState,
  type ResumeCycleRequest,
} from './cycle.messages';
import { notify } from './notify';
import { reject } from './rejection';

const { recordDeadlineExtension, recordCyclePause } = proxyActivities<CycleStageActivities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '30 seconds' },
});

/** What the stage loop watches (an admin's early opening or close), and the notices Updates started. */
export interface CycleControls {
  openRequestedFor?: string;
  closeRequestedFor?: string;
  /** Notices an Update started; the Update answers without waiting, the cycle does not complete before them. */
  notices: Promise<unknown>[];
}

/**
 * The admin Updates on a running cycle. Each validator refuses, with the reason, what does not apply to the
 * cycle as it stands, so a refused request never enters history.
 */
export function installCycleControls(state: CycleState): CycleControls {
  const controls: CycleControls = { notices: [] };
  let extending = false;
  const stageOf = (stageKey: string) => {
    const stage = state.stages.find((candidate) => candidate.key === stageKey);
    if (!stage) {
      reject(
        ErrorCode.StageNotFound,
        `Stage "${stageKey}" is not part of this cycle; its stages are ${state.stages.map((s) => s.key).join(', ')}.`,
      );
    }
    return stage;
  };
  const refuseWhenCompleted = () => {
    if (state.status === 'completed') reject(ErrorCode.StageAlreadyClosed, 'The cycle has completed.');
  };

  setHandler(cycleStateQuery, () => state);

  setHandler(
    openStageNowUpdate,
    async ({ stageKey }) => {
      controls.openRequestedFor = stageKey;
      await condition(() => stageOf(stageKey).openedAt !== undefined);
      return { stageKey, openedAt: stageOf(stageKey).openedAt! };
    },
    {
      validator: ({ stageKey, reason }) => {
        refuseWhenCompleted();
        if (state.paused) reject(ErrorCode.CyclePaused, 'The cycle is paused; resume it before opening a stage.');
        const stage = stageOf(stageKey);
        if (stage.status === 'open') reject(ErrorCode.StageAlreadyOpen, `Stage "${stageKey}" is already open.`);
        if (closingOrClosed(stage)) reject(ErrorCode.StageAlreadyClosed, `Stage "${stageKey}" has closed.`);
        // Stages run in order: only the stage after the last closed one may open early. One whose close is being
        // recorded counts as closed (the read model may already show it so); the loop opens this one right after.
        const earlier = state.stages.slice(0, state.stages.indexOf(stage)).find((other) => !closingOrClosed(other));
        if (earlier) {
          const where = earlier.status === 'pending' ? 'not open yet' : 'still open';
          reject(
            ErrorCode.StageNotNext,
            `Stage "${stageKey}" comes after "${earlier.key}", which is ${where}; close it first.`,
          );
        }
        requireReason(reason, ErrorCode.ValidationFailed, ' to open a stage early.');
      },
    },
  );

  setHandler(
    closeStageNowUpdate,
    async ({ stageKey }) => {
      controls.closeRequestedFor = stageKey;
      await condition(() => stageOf(stageKey).status === 'closed');
      return { stageKey, closedAt: new Date().toISOString() };
    },
    {
      validator: ({ stageKey }) => {
        const stage = stageOf(stageKey);
        if (closingOrClosed(stage)) reject(ErrorCode.StageAlreadyClosed, `Stage "${stageKey}" is already closed.`);
        if (stage.status !== 'open') {
          reject(ErrorCode.StageNotOpen, `Stage "${stageKey}" has not opened yet, so it cannot be closed.`);
        }
      },
    },
  );

  setHandler(
    extendStageDeadlineUpdate,
    async ({ stageKey, closesAt, reason, requestedBy }) => {
      const stage = stageOf(stageKey);
      const previousClosesAt = stage.closesAt!;
      // The new deadline holds from the moment the Update is accepted, so the old timer cannot close the stage
      // while the change is being recorded; one extension at a time, so none is lost or reordered.
      stage.closesAt = new Date(closesAt).toISOString();
      extending = true;
      try {
        await recordDeadlineExtension({
          cycleId: state.cycleId,
          stageKey,
          previousClosesAt,
          closesAt: stage.closesAt,
          reason,
          requestedBy,
          at: new Date().toISOString(),
        });
      } finally {
        extending = false;
      }
      controls.notices.push(
        notify({ kind: 'stage-deadline-extended', cycleId: state.cycleId, stageKey, closesAt: stage.closesAt, reason }),
      );
      return { stageKey, previousClosesAt, closesAt: stage.closesAt };
    },
    {
      validator: ({ stageKey, closesAt, reason }) => {
        refuseWhenCompleted();
        if (extending) reject(ErrorCode.ConcurrentChange, 'Another extension is being recorded; try again.');
        const stage = stageOf(stageKey);
        if (closingOrClosed(stage)) {
          reject(ErrorCode.StageAlreadyClosed, `Stage "${stageKey}" has closed; a closed stage cannot be extended.`);
        }
        const instant = Date.parse(closesAt);
        if (Number.isNaN(instant)) {
          reject(ErrorCode.StageDeadlineInvalid, `closesAt must be an ISO-8601 instant, got "${closesAt}".`);
        }
        if (instant <= Date.parse(stage.closesAt!)) {
          reject(
            ErrorCode.StageDeadlineInvalid,
            `closesAt must be later than the current deadline ${stage.closesAt}; to end a stage early, close it.`,
          );
        }
        if (instant <= Date.now()) reject(ErrorCode.StageDeadlineInvalid, 'closesAt must be in the future.');
        // A stage opens when the one before it closes: a close at or past the next stage's own close would open
        // that stage with no time left and close it at once. The admin extends the later stage first.
        const next = state.stages[state.stages.indexOf(stage) + 1];
        if (next?.closesAt && instant >= Date.parse(next.closesAt)) {
          reject(
            ErrorCode.StageWindowClash,
            `closesAt ${new Date(instant).toISOString()} is not before the close of the next stage "${next.key}" ` +
              `(${next.closesAt}), which would then run for no time at all. Extend "${next.key}" first, or choose an ` +
              'earlier close.',
          );
        }
        requireReason(reason, ErrorCode.StageDeadlineInvalid, '; agencies are told it.');
      },
    },
  );

  setHandler(
    pauseCycleUpdate,
    async ({ reason, requestedBy }) => {
      const at = new Date().toISOString();
      await recordCyclePause({ cycleId: state.cycleId, paused: true, reason, requestedBy, at });
      state.paused = true;
      return { paused: true, at };
    },
    {
      validator: ({ reason }) => {
        refuseWhenCompleted();
        if (state.paused) reject(ErrorCode.CyclePaused, 'The cycle is already paused.');
        requireReason(reason, ErrorCode.ValidationFailed, ' to pause a cycle.');
      },
    },
  );

  setHandler(
    resumeCycleUpdate,
    async ({ requestedBy }) => {
      const at = new Date().toISOString();
      await recordCyclePause({ cycleId: state.cycleId, paused: false, reason: 'resumed', requestedBy, at });
      state.paused = false;
      return { paused: false, at };
    },
    {
      validator: (_request: ResumeCycleRequest) => {
        refuseWhenCompleted();
        if (!state.paused) reject(ErrorCode.CycleNotPaused, 'The cycle is not paused.');
      },
    },
  );

  return controls;
}

/** A stage the cycle is closing (recording the close) takes no more changes, as a closed one. */
function closingOrClosed(stage: CycleState['stages'][number]): boolean {
  return stage.status === 'closing' || stage.status === 'closed';
}

/** An admin's reason, at least 5 characters; `why` ends the refusal ("… is required to pause a cycle."). */
function requireReason(reason: unknown, code: ErrorCode, why: string): void {
  if (typeof reason !== 'string' || reason.trim().length < 5) {
    reject(code, `A reason of at least 5 characters is required${why}`);
  }
}
