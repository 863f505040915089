import { allHandlersFinished, condition, patched, proxyActivities } from '@temporalio/workflow';
import type { CycleStageActivities } from '../activities/cycle-stage.activities';
import type { FanOutActivities } from '../activities/fan-out.activities';
import type { ScreeningActivities } from '../activities/screening.activities';
import type { ResolvedStage } from '../libs/domain';
import { installCycleControls } from './cycle-controls';
import {
  assignDesk,
  computeDeskResults,
  DESK_STEPS_PATCH,
  remindBeforeDeadline,
  settleMissingScores,
  tellEvaluators,
} from './desk-stage';
import {
  installObjectionResolution,
  lapseOpenObjections,
  SELECTION_STEPS_PATCH,
  selectNominees,
  settlesNominees,
} from './selection-stage';
import { sealAudit } from './audit-seal';
import { allocateSlots, INTERVIEW_STEPS_PATCH, recordMissedInterviews, sendInvitations } from './interview-stage';
import type { CycleState, CycleWorkflowInput } from './cycle.messages';
import { notify, NOTIFY_PATCH } from './notify';
import { announceResults, PLENARY_STEPS_PATCH, startPlenary } from './plenary-stage';
import { upsertAttributes } from './search-attributes';

const stageActivities = proxyActivities<CycleStageActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

// The fan-out heartbeats every batch; a worker lost mid-way is noticed after the heartbeat timeout and the
// retry resumes from the last heartbeated entry. Screening pages through entries the same way.
const { fanOutStageEvent } = proxyActivities<FanOutActivities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});
const screening = proxyActivities<ScreeningActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumInterval: '1 minute' },
});

/** Histories from before the cycle waited for its Update handlers to finish replay without the wait. */
const HANDLERS_FINISH_PATCH = 'await-handlers';

/** Histories started before the screening stage had its own steps replay without them. */
const SCREENING_STEPS_PATCH = 'screening-stage-steps';

/**
 * A yearly cycle: walks the template's stages in order. Each stage opens at its instant (or when an admin opens it
 * early, once the stage before it has closed), waits for its close instant (which an admin may extend) or an
 * admin's "close now", closes, and the entries are told. While the
 * cycle is paused no stage opens or closes. History grows with stages, not entries.
 *
 * The waits below issue the same timer commands as the first version whenever no admin Update arrives, so
 * histories recorded before extend and pause existed replay unchanged; new cross-entry steps are patched.
 */
export async function cycleWorkflow({ cycleId, template }: CycleWorkflowInput): Promise<CycleState> {
  const state: CycleState = {
    cycleId,
    status: 'running',
    paused: false,
    stages: template.stages.map((stage) => ({ key: stage.key, status: 'pending', closesAt: stage.closesAt })),
  };
  const stageState = (key: string) => state.stages.find((stage) => stage.key === key)!;
  const controls = installCycleControls(state);
  const objections = installObjectionResolution(state, template);

  upsertAttributes({ CycleId: cycleId, Programme: template.programme, Year: template.year });
  await stageActivities.markCycleRunning(cycleId);

  const lastIndex = template.stages.length - 1;
  for (const [index, stage] of template.stages.entries()) {
    await waitForOpening(stage, state, () => controls.openRequestedFor === stage.key);
    const desk = stage.type === 'desk-evaluation' && patched(DESK_STEPS_PATCH);
    const selects = (stage.type === 'selection' || stage.type === 'objection') && patched(SELECTION_STEPS_PATCH);
    const interviews = stage.type === 'interview' && patched(INTERVIEW_STEPS_PATCH);
    const decides = (stage.type === 'plenary' || stage.type === 'announcement') && patched(PLENARY_STEPS_PATCH);
    // Evaluators and interview slots are assigned before the stage shows as open, so whoever sees it open sees them.
    if (desk) await assignDesk(cycleId, stage);
    if (interviews) await allocateSlots(cycleId, stage.key);
    const openedAt = now();
    // Open here before the read model says so, so an admin who sees the stage open can close it at once; `openedAt`
    // once the read model has it.
    stageState(stage.key).status = 'open';
    await stageActivities.openStage({ cycleId, stageKey: stage.key, at: openedAt });
    stageState(stage.key).openedAt = openedAt;
    state.currentStage = stage.key;
    upsertAttributes({ Stage: stage.key });
    // Entries join during submission; from the second stage on they are told that a stage began.
    if (index > 0) {
      const entered = { stageKey: stage.key, kind: 'entered' as const, at: openedAt };
      await fanOutStageEvent({ cycleId, event: desk || interviews ? { ...entered, stageType: stage.type } : entered });
    }
    if (desk) await tellEvaluators(cycleId, stage);
    if (interviews) await sendInvitations(cycleId, stage.key);
    const screens = stage.type === 'screening' && patched(SCREENING_STEPS_PATCH);
    if (screens) await screening.applyScreeningRules({ cycleId, stageKey: stage.key });
    if (selects && stage.type === 'selection') await selectNominees(cycleId, stage.key);
    if (decides && stage.type === 'announcement') await announceResults(cycleId, stage.key);

    const closeRequested = () => controls.closeRequestedFor === stage.key;
    let deadlinePassed = false;
    const reminders = desk
      ? remindBeforeDeadline(cycleId, stage, stageState(stage.key), () => deadlinePassed)
      : undefined;
    // The plenary's decision closes its stage; a stage closed before a decision adjourns it undecided.
    const plenary = decides && stage.type === 'plenary' ? await startPlenary(cycleId, stage.key) : undefined;
    let closedBy = await waitForClosing(stage.key, state, () => closeRequested() || plenary?.finished() === true);
    if (plenary) await plenary.adjourn();
    deadlinePassed = true;
    if (desk) {
      await reminders;
      const graceUntil = await settleMissingScores(cycleId, stage, closedBy);
      // Late scorers have until the grace ends; the wait follows extensions and pauses like any deadline.
      if (graceUntil && closedBy === 'schedule' && graceUntil > stageState(stage.key).closesAt!) {
        stageState(stage.key).closesAt = graceUntil;
        closedBy = await waitForClosing(stage.key, state, closeRequested);
      }
    }
    if (selects && stage.type === 'objection') await condition(objections.idle);
    const closedAt = now();
    stageState(stage.key).status = 'closing';
    await stageActivities.closeStage({ cycleId, stageKey: stage.key, at: closedAt, closedBy });
    Object.assign(stageState(stage.key), { status: 'closed', closedBy });
    if (desk) await computeDeskResults(cycleId, stage);
    if (selects && stage.type === 'objection') await lapseOpenObjections(cycleId);
    if (interviews) await recordMissedInterviews(cycleId, stage.key);
    if (screens) {
      await screening.applyDefaultScreeningOutcome({ cycleId, stageKey: stage.key, at: closedAt });
      if (patched(NOTIFY_PATCH)) await notify({ kind: 'screening-outcome', cycleId, stageKey: stage.key });
    }
    await fanOutStageEvent({
      cycleId,
      event: { stageKey: stage.key, kind: 'completed', at: closedAt, outcome: 'completed', final: index === lastIndex },
      outcomes: screens
        ? 'screening'
        : selects && settlesNominees(template, stage.key)
          ? 'selection'
          : interviews
            ? 'interview'
            : undefined,
    });
    if (index < lastIndex) await sealAudit({ cycleId });
  }

  await Promise.all(controls.notices);
  if (patched(HANDLERS_FINISH_PATCH)) await condition(allHandlersFinished);
  // After the last Update has finished, so nothing the cycle decided is left out of the log.
  await sealAudit({ cycleId });
  await stageActivities.completeCycle({ cycleId, at: now() });
  state.status = 'completed';
  state.currentStage = undefined;
  return state;
}

function now(): string {
  return new Date().toISOString();
}

function untilInstant(instant: string): number {
  return Date.parse(instant) - Date.now();
}

/**
 * Waits for the stage's opening instant or an admin's "open now", and for the end of a pause. Without an early
 * opening it issues the same timer commands as before that Update existed, so older histories replay unchanged.
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
  stageKey: string,
  state: CycleState,
  closeRequested: () => boolean,
): Promise<'admin' | 'schedule'> {
  const stage = state.stages.find((candidate) => candidate.key === stageKey)!;
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
