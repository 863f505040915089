import type { WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { applyOverrides, rankFinalists, type FinalistScores, type Vote } from '../../libs/domain';
import type { RecordPlenaryDecisionInput } from '../../activities/plenary/plenary.activities';
import {
  adjournPlenarySignal,
  castVoteUpdate,
  closePlenaryUpdate,
  plenaryStateQuery,
  proposeOverrideUpdate,
  recordAttendanceUpdate,
  type PlenaryOpening,
  type RecordedDecision,
} from '../../workflows/plenary.messages';
import type { plenaryWorkflow } from '../../workflows/plenary.workflow';
import { WorkflowUnit } from '../support/workflow-unit';

// Seconds alone; the margin is for a machine busy with the integration suites running beside it.
jest.setTimeout(60_000);

// Workers log every state change at INFO; a workflow task that fails is logged at WARN.
Runtime.install({ logger: new DefaultLogger('WARN') });

const STAGE = 'sidang-pleno';
const SECRETARIAT = 'secretariat';
const MEMBERS = ['p1', 'p2', 'p3', 'p4', 'p5'];
const QUORUM = 3;
const WEIGHTS = { desk: 40, interview: 60, fieldVerification: 0 };
const REASON = 'Inovasi ini direplikasi di seluruh puskesmas kota sejak 2022.';

const finalist = (entryId: string, score: number): FinalistScores => ({
  entryId,
  title: `Inovasi ${entryId}`,
  agencyCode: entryId,
  agencyName: `Instansi ${entryId}`,
  cluster: 'kota',
  group: 'keberlanjutan',
  desk: score,
  interview: score,
  fieldVerification: null,
  registeredAt: '2024-05-02T03:00:00Z',
  launchDate: '2020-01-01',
});

/** Five panelists, a quorum of three, and one cluster and group of three finalists of which the best is proposed. */
const opening = ({ cycleId, stageKey }: { cycleId: string; stageKey: string }): PlenaryOpening => ({
  cycleId,
  stageKey,
  programme: 'PKRI',
  year: 2024,
  quorum: QUORUM,
  topN: 1,
  weights: WEIGHTS,
  members: MEMBERS.map((panelistId) => ({ panelistId, name: `Panelis ${panelistId}` })),
  ranking: rankFinalists([finalist('e-a', 90), finalist('e-b', 80), finalist('e-c', 70)], WEIGHTS, 1),
  names: { clusters: { kota: 'Kota' }, groups: { keberlanjutan: 'Keberlanjutan Inovasi' } },
  problems: [],
});

const unit = new WorkflowUnit('plenary', {
  openPlenary: opening,
  recordPlenaryDecision: (input: RecordPlenaryDecisionInput): RecordedDecision => ({
    decisionNumber: '1/PKRI-2024',
    sequence: 1,
    sha256: 'f'.repeat(64),
    decidedAt: input.decidedAt,
  }),
});

const refused = (type: string) => ({ cause: { type } });

/**
 * Starts a plenary and waits until it has opened: its handlers are set only once `openPlenary` has answered, and
 * an Update that arrives before that is rejected by the SDK for want of a handler.
 */
async function startPlenary(name: string): Promise<WorkflowHandle<typeof plenaryWorkflow>> {
  const workflowId = unit.workflowId(name);
  const handle = await unit.client.workflow.start<typeof plenaryWorkflow>('plenaryWorkflow', {
    workflowId,
    taskQueue: unit.taskQueue,
    args: [{ cycleId: `cycle-${workflowId}`, stageKey: STAGE }],
  });
  await unit.queryUntil(handle, plenaryStateQuery, (state) => state.status === 'open', 'the plenary to open');
  return handle;
}

const attend = (handle: WorkflowHandle, panelistId: string, present = true) =>
  handle.executeUpdate(recordAttendanceUpdate, {
    args: [{ panelistId, present, requestedBy: SECRETARIAT, byAdmin: true }],
  });
const vote = (handle: WorkflowHandle, panelistId: string, on: string, ballot: Vote = 'approve') =>
  handle.executeUpdate(castVoteUpdate, { args: [{ panelistId, on, vote: ballot }] });
const propose = (handle: WorkflowHandle, entryId: string, requestedBy: string, reason = REASON) =>
  handle.executeUpdate(proposeOverrideUpdate, {
    args: [{ entryId, direction: 'in', reason, requestedBy, byAdmin: false }],
  });
const close = (handle: WorkflowHandle) =>
  handle.executeUpdate(closePlenaryUpdate, { args: [{ requestedBy: SECRETARIAT }] });
/** The one decision the plenary recorded, with the winners it adopted (the ranking with its carried overrides). */
const recordedDecision = (handle: WorkflowHandle) => {
  const calls = unit.callsOf(handle.workflowId, 'recordPlenaryDecision');
  expect(calls).toHaveLength(1);
  const input = calls[0].input as RecordPlenaryDecisionInput;
  const winners = applyOverrides(input.opening.ranking, input.overrides).groups.flatMap((group) =>
    group.winners.map((winner) => winner.entryId),
  );
  return { input, winners };
};

describe('[workflow-unit] the plenary workflow with faked activities', () => {
  beforeAll(() => unit.start());
  afterAll(() => unit.stop());

  it('[workflow-unit] the plenary closes only with a quorum present and records the decision of those present', async () => {
    const handle = await startPlenary('quorum');
    await expect(attend(handle, 'stranger')).rejects.toMatchObject(refused('PLENARY.NOT_A_MEMBER'));
    await attend(handle, 'p1');
    await attend(handle, 'p2');
    await vote(handle, 'p1', 'decision');
    await vote(handle, 'p2', 'decision');
    // Unanimous among those present, but two are fewer than the quorum of three.
    await expect(close(handle)).rejects.toMatchObject(refused('PLENARY.NO_QUORUM'));

    await attend(handle, 'p3');
    await attend(handle, 'p3', false);
    await expect(close(handle)).rejects.toMatchObject(refused('PLENARY.NO_QUORUM'));
    await attend(handle, 'p3');
    expect(unit.callsOf(handle.workflowId, 'recordPlenaryDecision')).toEqual([]);

    // Two of the three present approve: a majority.
    const decision = await close(handle);
    expect(decision).toMatchObject({ decisionNumber: '1/PKRI-2024', sequence: 1 });
    const { input, winners } = recordedDecision(handle);
    expect(input).toMatchObject({
      workflowId: handle.workflowId,
      decidedBy: SECRETARIAT,
      present: [
        { panelistId: 'p1', name: 'Panelis p1' },
        { panelistId: 'p2', name: 'Panelis p2' },
        { panelistId: 'p3', name: 'Panelis p3' },
      ],
      votes: { approve: 2, reject: 0, abstain: 0 },
      overrides: [],
    });
    expect(winners).toEqual(['e-a']);
    expect(await handle.result()).toEqual(decision);
    expect((await handle.query(plenaryStateQuery)).status).toBe('decided');
  });

  it('[workflow-unit] only members present may vote or propose an override', async () => {
    const handle = await startPlenary('presence');
    await attend(handle, 'p1');

    await expect(vote(handle, 'p4', 'decision')).rejects.toMatchObject(refused('PLENARY.NOT_PRESENT'));
    await expect(propose(handle, 'e-b', 'p4')).rejects.toMatchObject(refused('PLENARY.NOT_PRESENT'));
    await expect(vote(handle, 'stranger', 'decision')).rejects.toMatchObject(refused('PLENARY.NOT_A_MEMBER'));
    await expect(vote(handle, 'p1', 'decision', 'maybe' as Vote)).rejects.toMatchObject(refused('REQUEST.INVALID'));
    await expect(vote(handle, 'p1', 'override-9')).rejects.toMatchObject(refused('PLENARY.OVERRIDE_NOT_FOUND'));

    // A member who leaves may no longer vote.
    await vote(handle, 'p1', 'decision');
    await attend(handle, 'p1', false);
    await expect(vote(handle, 'p1', 'decision')).rejects.toMatchObject(refused('PLENARY.NOT_PRESENT'));
    const state = await handle.query(plenaryStateQuery);
    expect(state.present).toEqual([]);
    expect(state.decisionBallots).toHaveLength(1);
    expect(state.overrides).toEqual([]);
  });

  it('[workflow-unit] an override carries only at a strict majority of those present and changes the list; approvals of the earlier list stop counting', async () => {
    const handle = await startPlenary('override');
    for (const member of ['p1', 'p2', 'p3', 'p4']) await attend(handle, member);
    for (const member of ['p1', 'p2', 'p3']) await vote(handle, member, 'decision');

    // e-a is already proposed; a reason must say something a reader can weigh.
    await expect(propose(handle, 'e-a', 'p1')).rejects.toMatchObject(refused('PLENARY.OVERRIDE_INVALID'));
    await expect(propose(handle, 'e-b', 'p1', 'terlalu singkat')).rejects.toMatchObject(
      refused('PLENARY.OVERRIDE_INVALID'),
    );
    const proposal = await propose(handle, 'e-b', 'p1');
    expect(proposal).toMatchObject({ overrideId: 'override-1', entryId: 'e-b', status: 'open' });
    await expect(propose(handle, 'e-b', 'p2')).rejects.toMatchObject(refused('PLENARY.OVERRIDE_INVALID'));

    expect(await vote(handle, 'p1', proposal.overrideId)).toMatchObject({ approve: 1, present: 4, carried: false });
    // Two of four is half, not a majority.
    expect(await vote(handle, 'p2', proposal.overrideId)).toMatchObject({ approve: 2, present: 4, carried: false });
    expect((await handle.query(plenaryStateQuery)).overrides[0].status).toBe('open');
    expect(await vote(handle, 'p3', proposal.overrideId)).toMatchObject({ approve: 3, present: 4, carried: true });
    const carried = await handle.query(plenaryStateQuery);
    expect(carried.overrides[0]).toMatchObject({ status: 'carried', votes: { approve: 3, reject: 0, abstain: 0 } });
    expect(carried.listVersion).toBe(2);
    await expect(vote(handle, 'p4', proposal.overrideId)).rejects.toMatchObject(refused('PLENARY.NOT_OPEN'));

    // Three approved the list before the override; none of that counts for the list as it now stands.
    await expect(close(handle)).rejects.toMatchObject(refused('PLENARY.NOT_ADOPTED'));
    await vote(handle, 'p1', 'decision');
    expect(await vote(handle, 'p2', 'decision')).toMatchObject({ approve: 2, present: 4 });
    await expect(close(handle)).rejects.toMatchObject(refused('PLENARY.NOT_ADOPTED'));
    await vote(handle, 'p4', 'decision');

    await close(handle);
    const { input, winners } = recordedDecision(handle);
    expect(input.votes).toEqual({ approve: 3, reject: 0, abstain: 0 });
    expect(input.overrides).toEqual([
      { entryId: 'e-b', direction: 'in', reason: REASON, votes: { approve: 3, reject: 0, abstain: 0 } },
    ]);
    // Proposed: e-a alone; adopted: e-a and e-b, moved in by the plenary's vote.
    expect(winners).toEqual(['e-a', 'e-b']);
    expect((await handle.result())?.decisionNumber).toBe('1/PKRI-2024');
  });

  it('[workflow-unit] a plenary adjourned before it decides ends undecided and records no decision', async () => {
    const handle = await startPlenary('adjourned');
    for (const member of ['p1', 'p2', 'p3']) {
      await attend(handle, member);
      await vote(handle, member, 'decision');
    }
    await handle.signal(adjournPlenarySignal);
    expect(await handle.result()).toBeNull();
    expect(unit.callsOf(handle.workflowId, 'recordPlenaryDecision')).toEqual([]);
    expect(unit.callsOf(handle.workflowId).map((call) => call.name)).toEqual(['openPlenary', 'sealAuditTrail']);
  });
});
