import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { plenaryActivities as plenary } from './plenary-activities';
import { ErrorCode } from '../libs/domain/error-codes';
import { hasQuorum, overrideCarries, tallyVotes, validateOverrides, type Override } from '../libs/domain/plenary';
import { sealAudit } from './audit-seal';
import {
  adjournPlenarySignal,
  castVoteUpdate,
  closePlenaryUpdate,
  plenaryStateQuery,
  proposeOverrideUpdate,
  recordAttendanceUpdate,
  type PlenaryInput,
  type PlenaryState,
  type RecordedDecision,
} from './plenary.messages';
import { reject } from './rejection';

/**
 * The sidang pleno of one cycle, a child of the cycle workflow: it opens with the ranked list per cluster and
 * group, records who is present, takes each panelist's vote on the proposed winners and on overrides, and closes
 * with the decision. Every attendance, vote, override and the close are Updates, so each is in this history (and
 * sealed into the audit log) with who made it; validators refuse what the rules do not allow before it enters.
 */
export async function plenaryWorkflow({ cycleId, stageKey }: PlenaryInput): Promise<RecordedDecision | null> {
  const opening = await plenary.openPlenary({ cycleId, stageKey });
  const state: PlenaryState = {
    status: 'open',
    opening,
    present: [],
    listVersion: 1,
    decisionBallots: [],
    overrides: [],
  };
  const members = new Set(opening.members.map((member) => member.panelistId));
  const carried = () => state.overrides.filter((o) => o.status === 'carried');
  const quorate = () => hasQuorum(state.present, opening.quorum);
  let adjourned = false;
  setHandler(adjournPlenarySignal, () => {
    adjourned = true;
  });
  const mustBeOpen = () => {
    if (state.status !== 'open' || adjourned) {
      reject(ErrorCode.PlenaryNotOpen, 'The plenary has closed; nothing more is recorded in it.');
    }
  };
  const mustBePresent = (panelistId: string) => {
    if (!members.has(panelistId)) reject(ErrorCode.PlenaryNotMember, 'Only the cycle’s panelists sit in the plenary.');
    if (!state.present.includes(panelistId)) {
      reject(ErrorCode.PlenaryNotPresent, 'Record your attendance before you vote or propose.');
    }
  };

  setHandler(plenaryStateQuery, () => state);

  setHandler(
    recordAttendanceUpdate,
    ({ panelistId, present }) => {
      state.present = state.present.filter((id) => id !== panelistId);
      if (present) state.present.push(panelistId);
      return { present: [...state.present] };
    },
    {
      validator: ({ panelistId, present }) => {
        mustBeOpen();
        if (!members.has(panelistId))
          reject(ErrorCode.PlenaryNotMember, `${panelistId} is not a panelist of this cycle.`);
        if (typeof present !== 'boolean') reject(ErrorCode.ValidationFailed, 'present must be true or false.');
      },
    },
  );

  setHandler(
    proposeOverrideUpdate,
    ({ entryId, direction, reason, requestedBy }) => {
      const proposal = {
        overrideId: `override-${state.overrides.length + 1}`,
        entryId,
        direction,
        reason: reason.trim(),
        proposedBy: requestedBy,
        status: 'open' as const,
        ballots: [],
      };
      state.overrides.push(proposal);
      return proposal;
    },
    {
      validator: ({ entryId, direction, reason, requestedBy, byAdmin }) => {
        mustBeOpen();
        if (!byAdmin) mustBePresent(requestedBy);
        if (state.overrides.some((o) => o.entryId === entryId && o.status === 'open')) {
          reject(ErrorCode.OverrideInvalid, `An override of entry ${entryId} is already being voted on.`);
        }
        const asOverride = (o: Override) => ({ entryId: o.entryId, direction: o.direction, reason: o.reason });
        const problems = validateOverrides(opening.ranking, [
          ...carried().map(asOverride),
          { entryId, direction, reason },
        ]);
        if (problems.length > 0)
          reject(ErrorCode.OverrideInvalid, `The override cannot be put to the vote: ${problems.join('; ')}.`);
      },
    },
  );

  setHandler(
    castVoteUpdate,
    ({ panelistId, on, vote }) => {
      if (on === 'decision') {
        state.decisionBallots.push({ panelistId, vote, listVersion: state.listVersion });
        const tally = tallyVotes(currentDecisionBallots(state), state.present);
        return { on, approve: tally.approve, reject: tally.reject, abstain: tally.abstain, present: tally.present };
      }
      const proposal = state.overrides.find((o) => o.overrideId === on)!;
      proposal.ballots.push({ panelistId, vote });
      const tally = tallyVotes(proposal.ballots, state.present);
      const votes = { approve: tally.approve, reject: tally.reject, abstain: tally.abstain };
      const carries = quorate() && overrideCarries(tally.approve, tally.present);
      const rejected = !carries && tally.reject * 2 >= tally.present;
      if (carries) {
        Object.assign(proposal, { status: 'carried', votes });
        // The proposed list changed: approvals given to the earlier list no longer count.
        state.listVersion += 1;
      } else if (rejected) Object.assign(proposal, { status: 'rejected', votes });
      return { on, ...votes, present: tally.present, carried: carries, rejected };
    },
    {
      validator: ({ panelistId, on, vote }) => {
        mustBeOpen();
        mustBePresent(panelistId);
        if (vote !== 'approve' && vote !== 'reject' && vote !== 'abstain') {
          reject(ErrorCode.ValidationFailed, 'vote must be approve, reject or abstain.');
        }
        if (on === 'decision') return;
        const proposal = state.overrides.find((o) => o.overrideId === on);
        if (!proposal)
          reject(
            ErrorCode.OverrideNotFound,
            `No override ${on} in this plenary; vote on "decision" or an override's id.`,
          );
        if (proposal.status !== 'open')
          reject(ErrorCode.PlenaryNotOpen, `Override ${on} has already ${proposal.status}.`);
      },
    },
  );

  setHandler(
    closePlenaryUpdate,
    async ({ requestedBy }): Promise<RecordedDecision> => {
      state.status = 'deciding';
      for (const proposal of state.overrides) if (proposal.status === 'open') proposal.status = 'lapsed';
      const tally = tallyVotes(currentDecisionBallots(state), state.present);
      const byId = new Map(opening.members.map((member) => [member.panelistId, member]));
      const decision = await plenary.recordPlenaryDecision({
        opening,
        workflowId: workflowInfo().workflowId,
        decidedBy: requestedBy,
        decidedAt: new Date().toISOString(),
        present: state.present.map((id) => byId.get(id)!),
        votes: { approve: tally.approve, reject: tally.reject, abstain: tally.abstain },
        overrides: carried().map((o) => ({
          entryId: o.entryId,
          direction: o.direction,
          reason: o.reason,
          votes: o.votes!,
        })),
      });
      state.decision = decision;
      state.status = 'decided';
      return decision;
    },
    {
      validator: ({ requestedBy }) => {
        mustBeOpen();
        if (typeof requestedBy !== 'string' || requestedBy === '') {
          reject(ErrorCode.ValidationFailed, 'requestedBy must name who closes the plenary.');
        }
        if (!quorate()) {
          reject(
            ErrorCode.PlenaryNoQuorum,
            `${state.present.length} panelists present; the plenary decides only with at least ${opening.quorum}.`,
          );
        }
        const tally = tallyVotes(currentDecisionBallots(state), state.present);
        if (!overrideCarries(tally.approve, tally.present)) {
          reject(
            ErrorCode.PlenaryNotAdopted,
            `${tally.approve} of ${tally.present} present approved the list as it stands; a majority is needed.`,
          );
        }
      },
    },
  );

  // A decision being recorded when the adjournment arrives still completes.
  await condition(() => state.status === 'decided' || (adjourned && state.status === 'open'));
  if (state.status === 'open') state.status = 'adjourned';
  await condition(allHandlersFinished);
  await sealAudit({ cycleId });
  return state.decision ?? null;
}

function currentDecisionBallots(state: PlenaryState) {
  return state.decisionBallots.filter((ballot) => ballot.listVersion === state.listVersion);
}
