import type { WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  compressCalendar,
  PKRI_2024,
  plenaryWorkflowId,
  resolveTemplate,
  type ResolvedTemplate,
} from '../../libs/domain';
import {
  closeStageNowUpdate,
  cycleStateQuery,
  openStageNowUpdate,
  pauseCycleUpdate,
  resumeCycleUpdate,
  type CycleState,
} from '../../workflows/cycle.messages';
import type { cycleWorkflow } from '../../workflows/cycle.workflow';
import type { PlenaryOpening } from '../../workflows/plenary.messages';
import { WorkflowUnit, type ActivityCall } from '../support/workflow-unit';

// Seconds alone; the margin is for a machine busy with the integration suites running beside it.
jest.setTimeout(60_000);

// Workers log every state change at INFO; a workflow task that fails is logged at WARN.
Runtime.install({ logger: new DefaultLogger('WARN') });

const ADMIN = 'admin-unit';
const REASON = 'Dibuka lebih awal oleh sekretariat';
const KEYS = PKRI_2024.stages.map((stage) => stage.key);
const [SUBMISSION, SCREENING, DESK, SELECTION, INTERVIEW, PLENARY, ANNOUNCEMENT] = KEYS;

/** An opening the plenary child can start from; the cycle closes the stage before anyone votes. */
const emptyOpening = ({ cycleId, stageKey }: { cycleId: string; stageKey: string }): PlenaryOpening => {
  const weights = { desk: 40, interview: 60, fieldVerification: 0 };
  return {
    cycleId,
    stageKey,
    programme: 'PKRI',
    year: 2024,
    quorum: 1,
    topN: 1,
    weights,
    members: [],
    ranking: { weights, topN: 1, groups: [] },
    names: { clusters: {}, groups: {} },
    problems: [],
  };
};

const unit = new WorkflowUnit('cycle', {
  handleMissingScores: () => ({ graceUntil: null, reassigned: [] }),
  lapseOpenObjections: () => ({ objectionIds: [] }),
  announceResults: () => ({ decisionNumber: null }),
  openPlenary: emptyOpening,
});

/**
 * PKRI 2024 (every stage type the loop knows) with its calendar a month ahead, a day a stage: no timer fires during
 * the test, so only the admins' Updates move the cycle.
 */
function farTemplate(): ResolvedTemplate {
  const startAt = new Date(Date.now() + 30 * 86_400_000);
  return resolveTemplate(compressCalendar(PKRI_2024, { startAt, stageSeconds: 86_400 }), 1);
}

async function startCycle(name: string, template: ResolvedTemplate): Promise<WorkflowHandle<typeof cycleWorkflow>> {
  const workflowId = unit.workflowId(name);
  return unit.client.workflow.start<typeof cycleWorkflow>('cycleWorkflow', {
    workflowId,
    taskQueue: unit.taskQueue,
    args: [{ cycleId: workflowId, template }],
  });
}

const openNow = (handle: WorkflowHandle, stageKey: string, reason = REASON) =>
  handle.executeUpdate(openStageNowUpdate, { args: [{ stageKey, reason, requestedBy: ADMIN }] });
const closeNow = (handle: WorkflowHandle, stageKey: string) =>
  handle.executeUpdate(closeStageNowUpdate, { args: [{ stageKey, requestedBy: ADMIN }] });
const refused = (type: string) => ({ cause: { type } });
const statusOf = (state: CycleState) => Object.fromEntries(state.stages.map((stage) => [stage.key, stage.status]));
/** `name stageKey`, as a readable script of what the cycle asked for. */
const step = (call: ActivityCall) => [call.name, call.input?.stageKey].filter(Boolean).join(' ');

describe('[workflow-unit] the cycle loop with faked activities', () => {
  beforeAll(() => unit.start());
  afterAll(() => unit.stop());

  it('[workflow-unit] stages opened and closed by an admin run in template order, each stage type with its own steps, and the cycle completes', async () => {
    const handle = await startCycle('walk', farTemplate());
    for (const key of KEYS) {
      const opening = await openNow(handle, key);
      expect(opening.stageKey).toBe(key);
      expect((await handle.query(cycleStateQuery)).currentStage).toBe(key);
      await closeNow(handle, key);
    }
    const result = await handle.result();

    expect(result.status).toBe('completed');
    expect(result.currentStage).toBeUndefined();
    expect(result.stages.map(({ key, status, closedBy }) => [key, status, closedBy])).toEqual(
      KEYS.map((key) => [key, 'closed', 'admin']),
    );
    const stepNames = [
      'markCycleRunning',
      'openStage',
      'closeStage',
      'applyScreeningRules',
      'applyDefaultScreeningOutcome',
      'assignDeskEvaluators',
      'handleMissingScores',
      'computeDeskResults',
      'selectNomineesForStage',
      'allocateInterviewSlots',
      'recordMissedInterviews',
      'announceResults',
      'completeCycle',
    ];
    // Evaluators and slots are in place before the stage shows as open; the selection is made once it is.
    expect(unit.callsOf(handle.workflowId, ...stepNames).map(step)).toEqual([
      'markCycleRunning',
      `openStage ${SUBMISSION}`,
      `closeStage ${SUBMISSION}`,
      `openStage ${SCREENING}`,
      `applyScreeningRules ${SCREENING}`,
      `closeStage ${SCREENING}`,
      `applyDefaultScreeningOutcome ${SCREENING}`,
      `assignDeskEvaluators ${DESK}`,
      `openStage ${DESK}`,
      `handleMissingScores ${DESK}`,
      `closeStage ${DESK}`,
      `computeDeskResults ${DESK}`,
      `openStage ${SELECTION}`,
      `selectNomineesForStage ${SELECTION}`,
      `closeStage ${SELECTION}`,
      `allocateInterviewSlots ${INTERVIEW}`,
      `openStage ${INTERVIEW}`,
      `closeStage ${INTERVIEW}`,
      `recordMissedInterviews ${INTERVIEW}`,
      `openStage ${PLENARY}`,
      `closeStage ${PLENARY}`,
      `openStage ${ANNOUNCEMENT}`,
      `announceResults ${ANNOUNCEMENT}`,
      `closeStage ${ANNOUNCEMENT}`,
      'completeCycle',
    ]);
    const closes = unit.callsOf(handle.workflowId, 'closeStage');
    expect(closes.map((call) => call.input.closedBy)).toEqual(KEYS.map(() => 'admin'));
    expect(closes.map((call) => call.input.cycleId)).toEqual(KEYS.map(() => handle.workflowId));

    // Entries hear of every stage after the first, with its type (desk and interview entries load their score
    // sheets and bookings by it). Each close carries the outcome source the stage settles.
    const events = unit.callsOf(handle.workflowId, 'fanOutStageEvent').map((call) => call.input);
    expect(
      events
        .filter((input) => input.event.kind === 'entered')
        .map((input) => [input.event.stageKey, input.event.stageType]),
    ).toEqual([
      [SCREENING, 'screening'],
      [DESK, 'desk-evaluation'],
      [SELECTION, 'selection'],
      [INTERVIEW, 'interview'],
      [PLENARY, 'plenary'],
      [ANNOUNCEMENT, 'announcement'],
    ]);
    expect(
      events
        .filter((input) => input.event.kind === 'completed')
        .map((input) => [input.event.stageKey, input.outcomes ?? null, input.event.final]),
    ).toEqual([
      [SUBMISSION, null, false],
      [SCREENING, 'screening', false],
      [DESK, null, false],
      [SELECTION, 'selection', false],
      [INTERVIEW, 'interview', false],
      [PLENARY, null, false],
      [ANNOUNCEMENT, null, true],
    ]);

    // The plenary stage ran its plenary as a child; closed before a decision, the plenary was adjourned undecided.
    const plenaryId = plenaryWorkflowId(handle.workflowId, PLENARY);
    expect(unit.callsOf(plenaryId).map(step)).toEqual([`openPlenary ${PLENARY}`, 'sealAuditTrail']);
    expect(await unit.client.workflow.getHandle(plenaryId).result()).toBeNull();
    expect(unit.callsOf(handle.workflowId, 'completeCycle')).toHaveLength(1);
  });

  it('[workflow-unit] opening a stage early is refused unless it is the next stage, the cycle runs and a reason is given', async () => {
    const handle = await startCycle('refusals', farTemplate());

    await expect(openNow(handle, SCREENING)).rejects.toMatchObject(refused('STAGE.NOT_NEXT'));
    await expect(openNow(handle, SUBMISSION, 'now')).rejects.toMatchObject(refused('REQUEST.INVALID'));
    await expect(openNow(handle, SUBMISSION, '   now    ')).rejects.toMatchObject(refused('REQUEST.INVALID'));
    await expect(openNow(handle, 'no-such-stage')).rejects.toMatchObject(refused('STAGE.NOT_FOUND'));
    await expect(closeNow(handle, SUBMISSION)).rejects.toMatchObject(refused('STAGE.NOT_OPEN'));
    expect(statusOf(await handle.query(cycleStateQuery))[SUBMISSION]).toBe('pending');

    await openNow(handle, SUBMISSION);
    await expect(openNow(handle, SUBMISSION)).rejects.toMatchObject(refused('STAGE.ALREADY_OPEN'));
    // The stage after an open one waits for it to close.
    await expect(openNow(handle, SCREENING)).rejects.toMatchObject(refused('STAGE.NOT_NEXT'));

    await closeNow(handle, SUBMISSION);
    await expect(closeNow(handle, SUBMISSION)).rejects.toMatchObject(refused('STAGE.ALREADY_CLOSED'));
    await expect(openNow(handle, SUBMISSION)).rejects.toMatchObject(refused('STAGE.ALREADY_CLOSED'));
    // Only the next pending stage, not one further on.
    await expect(openNow(handle, DESK)).rejects.toMatchObject(refused('STAGE.NOT_NEXT'));

    await handle.executeUpdate(pauseCycleUpdate, { args: [{ reason: 'Audit data peserta', requestedBy: ADMIN }] });
    await expect(openNow(handle, SCREENING)).rejects.toMatchObject(refused('CYCLE.PAUSED'));
    await expect(
      handle.executeUpdate(pauseCycleUpdate, { args: [{ reason: 'Audit lagi', requestedBy: ADMIN }] }),
    ).rejects.toMatchObject(refused('CYCLE.PAUSED'));
    await handle.executeUpdate(resumeCycleUpdate, { args: [{ requestedBy: ADMIN }] });
    await expect(handle.executeUpdate(resumeCycleUpdate, { args: [{ requestedBy: ADMIN }] })).rejects.toMatchObject(
      refused('CYCLE.NOT_PAUSED'),
    );

    const opening = await openNow(handle, SCREENING);
    expect(opening.stageKey).toBe(SCREENING);
    expect(statusOf(await handle.query(cycleStateQuery))).toMatchObject({
      [SUBMISSION]: 'closed',
      [SCREENING]: 'open',
      [DESK]: 'pending',
    });
    // Refused requests changed nothing: the cycle opened exactly the two stages it was allowed to.
    expect(unit.callsOf(handle.workflowId, 'openStage').map(step)).toEqual([
      `openStage ${SUBMISSION}`,
      `openStage ${SCREENING}`,
    ]);
    expect(unit.callsOf(handle.workflowId, 'recordCyclePause').map((call) => call.input.paused)).toEqual([true, false]);
  });

  it('[workflow-unit] a paused cycle does not open a stage whose instant has passed until it is resumed, then closes it on its passed deadline', async () => {
    // The first stage waits for an admin; the second's opening and deadline have already passed.
    const [first, second] = farTemplate().stages;
    const hour = 3_600_000;
    const template: ResolvedTemplate = {
      ...farTemplate(),
      stages: [
        first,
        {
          ...second,
          opensAt: new Date(Date.now() - 2 * hour).toISOString(),
          closesAt: new Date(Date.now() - hour).toISOString(),
        },
      ],
    };
    const handle = await startCycle('pause', template);
    await openNow(handle, SUBMISSION);
    await handle.executeUpdate(pauseCycleUpdate, {
      args: [{ reason: 'Sanggahan sedang diperiksa', requestedBy: ADMIN }],
    });
    // An admin may still close the open stage while the cycle is paused.
    await closeNow(handle, SUBMISSION);
    await unit.settled(handle);

    const paused = await handle.query(cycleStateQuery);
    expect(paused.paused).toBe(true);
    expect(statusOf(paused)).toEqual({ [SUBMISSION]: 'closed', [SCREENING]: 'pending' });
    expect(unit.callsOf(handle.workflowId, 'openStage').map(step)).toEqual([`openStage ${SUBMISSION}`]);

    await handle.executeUpdate(resumeCycleUpdate, { args: [{ requestedBy: ADMIN }] });
    const result = await handle.result();
    expect(result.status).toBe('completed');
    expect(result.stages.map(({ key, closedBy }) => [key, closedBy])).toEqual([
      [SUBMISSION, 'admin'],
      [SCREENING, 'schedule'],
    ]);
    const resumed = unit.callsOf(handle.workflowId, 'recordCyclePause').find((call) => !call.input.paused)!;
    const opened = unit.callsOf(handle.workflowId, 'openStage').find((call) => call.input.stageKey === SCREENING)!;
    expect(unit.calls.indexOf(opened)).toBeGreaterThan(unit.calls.indexOf(resumed));
    expect(unit.callsOf(handle.workflowId, 'completeCycle')).toHaveLength(1);
  });
});
