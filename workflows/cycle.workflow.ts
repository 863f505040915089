import { allHandlersFinished, condition, proxyActivities } from '@temporalio/workflow';
import type { CycleStageActivities } from '../activities/cycle-stage.activities';
import type { FanOutActivities } from '../activities/fan-out.activities';
import type { ResolvedStage } from '../libs/domain';
import { sealAudit } from './audit-seal';
import { installCycleControls } from './cycle-controls';
import type { CycleState, CycleWorkflowInput } from './cycle.messages';
import { upsertAttributes } from './search-attributes';
import type { ClosedBy, StageKind, StageRun } from './stages/stage-kind';
import { stageKinds } from './stages/stage-kinds';

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
 * A yearly cycle: walks the template's stages in order. Each stage opens at its instant (or when an admin opens it
 * early, once the stage before it has closed), runs its kind's steps (`stages/`), waits for its close instant
 * (which an admin may extend) or an admin's "close now", closes, and the entries are told. While the cycle is
 * paused no stage opens or closes. History grows with stages, not entries.
 */
export async function cycleWorkflow({ cycleId, template }: CycleWorkflowInput): Promise<CycleState> {
  const state: CycleState = {
    cycleId,
    status: 'running',
    paused: false,
    stages: template.stages.map((stage) => ({ key: stage.key, status: 'pending', closesAt: stage.closesAt })),
  };
  const controls = installCycleControls(state);
  const kinds = stageKinds({ cycleId, template, state });

  upsertAttributes({ CycleId: cycleId, Programme: template.programme, Year: template.year });
  await stageActivities.markCycleRunning(cycleId);

  const lastIndex = template.stages.length - 1;
  for (const [index, stage] of template.stages.entries()) {
    const kind = kinds[stage.type];
    const closeRequested = () => controls.closeRequestedFor === stage.key;
    const run: StageRun = {
      cycleId,
      template,
      state,
      stage,
      stageState: state.stages[index],
      waitForClose: () => waitForClosing(run.stageState, state, closeRequested),
    };
    await waitForOpening(stage, state, () => controls.openRequestedFor === stage.key);
    await openStage(run, kind, index > 0);
    const open = await kind.whileOpen?.(run);
    let closedBy = await waitForClosing(
      run.stageState,
      state,
      () => closeRequested() || open?.closesItself?.() === true,
    );
    if (open?.atClose) closedBy = await open.atClose(closedBy);
    await closeStage(run, kind, closedBy, index === lastIndex);
    if (index < lastIndex) await sealAudit({ cycleId });
  }

  await Promise.all(controls.notices);
  await condition(allHandlersFinished);
  // After the last Update has finished, so nothing the cycle decided is left out of the log.
  await sealAudit({ cycleId });
  await stageActivities.completeCycle({ cycleId, at: now() });
  state.status = 'completed';
  state.currentStage = undefined;
  return state;
}

/**
 * Opens the stage: its kind prepares, the read model shows it open, and the entries are told it began (from the
 * second stage on: entries join during the first).
 */
async function openStage(run: StageRun, kind: StageKind, tellEntries: boolean): Promise<void> {
  const { cycleId, stage, stageState } = run;
  await kind.beforeOpen?.(run);
  const openedAt = now();
  // Open here before the read model says so, so an admin who sees the stage open can close it at once; `openedAt`
  // once the read model has it.
  stageState.status = 'open';
  await stageActivities.openStage({ cycleId, stageKey: stage.key, at: openedAt });
  stageState.openedAt = openedAt;
  run.state.currentStage = stage.key;
  upsertAttributes({ Stage: stage.key });
  if (tellEntries) {
    await fanOutStageEvent({
      cycleId,
      event: { stageKey: stage.key, kind: 'entered', at: openedAt, stageType: stage.type },
    });
  }
  await kind.afterOpen?.(run);
}

/** Closes the stage: the read model shows it closed, its kind settles the outcomes, and the entries are told. */
async function closeStage(run: StageRun, kind: StageKind, closedBy: ClosedBy, final: boolean): Promise<void> {
  const { cycleId, stage, stageState } = run;
  const closedAt = now();
  stageState.status = 'closing';
  await stageActivities.closeStage({ cycleId, stageKey: stage.key, at: closedAt, closedBy });
  Object.assign(stageState, { status: 'closed', closedBy, closedAt });
  await kind.afterClose?.(run);
  await fanOutStageEvent({
    cycleId,
    event: { stageKey: stage.key, kind: 'completed', at: closedAt, outcome: 'completed', final },
    outcomes: kind.outcomes?.(run),
  });
}

function now(): string {
  return new Date().toISOString();
}

function untilInstant(instant: string): number {
  return Date.parse(instant) - Date.now();
}

/**
 * Waits for the stage's opening instant or an admin's "open now", and for the end of a pause.
 */
async function waitForOpening(stage: ResolvedStage, state: CycleState, openRequested: () => boolean): Promise<void> {
  for (;;) {
    await condition(() => !state.paused);
    if (openRequested()) return;
    const wait = untilInstant(stage.opensAt);
    if (wait <= 0) return;
    const woken = await condition(() => state.paused === true || openRequested(), wait);
    if (!woken || openRequested()) return;
  }
}

/**
 * Waits until an admin closes the stage or its deadline passes, following extensions, and holding while the cycle
 * is paused (a deadline passed during a pause closes the stage on resume unless an admin extended it).
 */
async function waitForClosing(
  stage: CycleState['stages'][number],
  state: CycleState,
  closeRequested: () => boolean,
): Promise<ClosedBy> {
  for (;;) {
    const deadline = stage.closesAt!;
    // At least 1 ms, so an overdue stage still closes through the timer path.
    const woken = await condition(
      () => closeRequested() || state.paused === true || stage.closesAt !== deadline,
      Math.max(1, untilInstant(deadline)),
    );
    if (closeRequested()) return 'admin';
    if (!woken) return 'schedule';
    if (state.paused) await condition(() => !state.paused || closeRequested());
  }
}
