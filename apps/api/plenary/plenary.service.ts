import { Inject, Injectable } from '@nestjs/common';
import {
  QueryNotRegisteredError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import {
  applyOverrides,
  correctionWorkflowId,
  decisionCsv,
  decisionHtml,
  DomainError,
  ErrorCode,
  plenaryWorkflowId,
  tallyVotes,
  type Ballot,
  type Principal,
} from '../../../libs/domain';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { exportDigest } from '../../../libs/plenary/decision-export';
import type { CycleEntity } from '../../../libs/persistence';
import {
  allDecisions,
  correctionOf,
  decisionBySequence,
  latestDecision,
  plenaryMembers,
  type StoredDecision,
} from '../../../libs/persistence/plenary';
import { cycleOrNotFound, type Db } from '../../../libs/persistence/shared';
import { decisionCorrectionWorkflow } from '../../../workflows/decision-correction.workflow';
import {
  castVoteUpdate,
  closePlenaryUpdate,
  plenaryStateQuery,
  proposeOverrideUpdate,
  recordAttendanceUpdate,
} from '../../../workflows/plenary.messages';
import type {
  PlenaryAttendanceRequestDto,
  CorrectionRequestDto,
  OverrideRequestDto,
  VoteRequestDto,
} from './plenary.request.dto';

const CONTENT_TYPE = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
} as const;

/**
 * The plenary through the API: its state and Updates on the plenary workflow, decisions and their exports, the
 * public results, and corrections (each its own workflow, so it is in a history and in the audit log).
 */
@Injectable()
export class PlenaryService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  /** The workflow's state, with the votes of those present counted and the winners as the list now stands. */
  async state(cycleId: string, principal: Principal) {
    await this.mustSit(cycleId, principal);
    // eslint-disable-next-line no-restricted-syntax -- a Temporal query of the plenary workflow, not SQL
    const state = await this.plenaryCall(cycleId, (handle) => handle.query(plenaryStateQuery));
    const count = (ballots: Ballot[]) => {
      const { approve, reject, abstain } = tallyVotes(ballots, state.present);
      return { approve, reject, abstain };
    };
    const carried = state.overrides.filter((proposal) => proposal.status === 'carried');
    return {
      ...state,
      decisionVotes: count(state.decisionBallots.filter((ballot) => ballot.listVersion === state.listVersion)),
      winners: applyOverrides(state.opening.ranking, carried).groups.flatMap((group) =>
        group.winners.map((winner) => winner.entryId),
      ),
      overrides: state.overrides.map((proposal) => ({ ...proposal, tally: count(proposal.ballots) })),
    };
  }

  async attendance(cycleId: string, body: PlenaryAttendanceRequestDto, principal: Principal) {
    const byAdmin = principal.role === 'admin';
    if (!byAdmin && body.panelistId && body.panelistId !== principal.userId) {
      throw new DomainError(ErrorCode.PlenaryNotMember, 'A panelist records only their own attendance.', [
        { path: 'panelistId', message: 'leave it out, or give your own id' },
      ]);
    }
    const panelistId = byAdmin ? body.panelistId : principal.userId;
    if (!panelistId) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Name the panelist whose attendance you record.', [
        { path: 'panelistId', message: 'required when the secretariat records attendance' },
      ]);
    }
    return this.plenaryCall(cycleId, (handle) =>
      handle.executeUpdate(recordAttendanceUpdate, {
        args: [{ panelistId, present: body.present, requestedBy: principal.userId, byAdmin }],
      }),
    );
  }

  async propose(cycleId: string, body: OverrideRequestDto, principal: Principal) {
    const { entryId, direction, reason } = body;
    return this.plenaryCall(cycleId, (handle) =>
      handle.executeUpdate(proposeOverrideUpdate, {
        args: [{ entryId, direction, reason, requestedBy: principal.userId, byAdmin: principal.role === 'admin' }],
      }),
    );
  }

  async vote(cycleId: string, body: VoteRequestDto, principal: Principal) {
    return this.plenaryCall(cycleId, (handle) =>
      handle.executeUpdate(castVoteUpdate, { args: [{ panelistId: principal.userId, on: body.on, vote: body.vote }] }),
    );
  }

  async close(cycleId: string, principal: Principal) {
    return this.plenaryCall(cycleId, (handle) =>
      handle.executeUpdate(closePlenaryUpdate, { args: [{ requestedBy: principal.userId }] }),
    );
  }

  async decisions(cycleId: string, principal: Principal) {
    await this.mustSit(cycleId, principal);
    return (await allDecisions(this.db, cycleId)).map((stored) => summary(stored));
  }

  /** The same decision always exports to the same bytes; the JSON is the very text stored when it was made. */
  async export(cycleId: string, sequence: number, format: 'json' | 'csv' | 'html', principal: Principal) {
    await this.mustSit(cycleId, principal);
    return exportOf(await decisionBySequence(this.db, cycleId, sequence), format);
  }

  /** The announced decision in force as its printable berita acara, for anyone; none before the announcement. */
  async resultsDocument(cycleId: string) {
    await this.cycle(cycleId);
    const latest = await latestDecision(this.db, cycleId);
    if (!latest?.announcedAt) {
      throw new DomainError(
        ErrorCode.DecisionNotFound,
        `No decision of ${cycleId} has been announced yet; its berita acara is public once the results are.`,
      );
    }
    return exportOf(latest, 'html');
  }

  /** The announced decision in force, as the public reads it: the winners of each cluster and group. */
  async results(cycleId: string) {
    await this.cycle(cycleId);
    const latest = await latestDecision(this.db, cycleId);
    if (!latest?.announcedAt) {
      throw new DomainError(ErrorCode.ResultsNotAnnounced, `The results of ${cycleId} have not been announced yet.`);
    }
    const { decision } = latest;
    return {
      ...summary(latest),
      groups: decision.groups.map((group) => ({
        cluster: group.cluster,
        clusterName: group.clusterName,
        group: group.group,
        groupName: group.groupName,
        winners: group.entries
          .filter((entry) => entry.status === 'winner')
          .map((entry) => ({
            rank: entry.rank,
            entryId: entry.entryId,
            title: entry.title,
            agencyName: entry.agencyName,
            final: entry.final,
          })),
      })),
    };
  }

  async correct(cycleId: string, body: CorrectionRequestDto, principal: Principal) {
    await this.cycle(cycleId);
    const { latest } = await correctionOf(this.db, cycleId, { ...body, decidedAt: new Date().toISOString() });
    try {
      const recorded = await this.client.workflow.execute(decisionCorrectionWorkflow, {
        workflowId: correctionWorkflowId(cycleId, latest.sequence + 1),
        // Never a second run under a correction's id: a late request must not be answered with an earlier one.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        taskQueue: this.config.taskQueue,
        args: [
          {
            cycleId,
            supersedes: body.supersedes,
            reason: body.reason,
            moves: body.moves,
            requestedBy: principal.userId,
          },
        ],
      });
      return summary(await decisionBySequence(this.db, cycleId, recorded.sequence));
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError(
          ErrorCode.DecisionSuperseded,
          `Another correction of ${latest.decisionNumber} is being recorded; read the decisions again.`,
        );
      }
      throw error;
    }
  }

  private cycle(cycleId: string): Promise<CycleEntity> {
    return cycleOrNotFound(this.db, cycleId);
  }

  /**
   * The plenary workflow of the cycle, for one call; before the plenary stage has opened there is none yet, and
   * the answer says so rather than that something finished.
   */
  private async plenaryCall<T>(cycleId: string, call: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
    const cycle = await this.cycle(cycleId);
    const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.type === 'plenary');
    if (!stage) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no plenary stage.`);
    try {
      return await call(this.client.workflow.getHandle(plenaryWorkflowId(cycleId, stage.key)));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new DomainError(ErrorCode.PlenaryNotOpen, `The plenary of ${cycleId} has not opened yet.`);
      }
      // Started, but still reading its members and ranking (its first activity) before it answers anything.
      if (error instanceof QueryNotRegisteredError) {
        throw new DomainError(ErrorCode.PlenaryNotOpen, `The plenary of ${cycleId} is opening; try again in a moment.`);
      }
      throw error;
    }
  }

  /**
   * Panelists read a plenary's list, votes and decisions only when they sit in it (the cycle's panelists); to
   * anyone else it looks absent, as an entry that is not theirs does.
   */
  private async mustSit(cycleId: string, principal: Principal): Promise<void> {
    await this.cycle(cycleId);
    if (principal.role !== 'panelist') return;
    const members = await plenaryMembers(this.db, cycleId);
    if (!members.some((member) => member.panelistId === principal.userId)) {
      throw new DomainError(ErrorCode.PlenaryNotFound, `No plenary of ${cycleId} that you sit in.`);
    }
  }
}

function exportOf(stored: StoredDecision, format: 'json' | 'csv' | 'html') {
  const body =
    format === 'json'
      ? stored.canonicalJson
      : format === 'csv'
        ? decisionCsv(stored.decision)
        : decisionHtml(stored.decision);
  const slug = stored.decisionNumber.replace('/', '-');
  return {
    body,
    contentType: CONTENT_TYPE[format],
    filename: `keputusan-${slug}.${format}`,
    sha256: exportDigest(body),
  };
}

function summary(stored: StoredDecision) {
  return {
    sequence: stored.sequence,
    decisionNumber: stored.decisionNumber,
    supersedes: stored.decision.supersedes,
    reason: stored.decision.reason,
    decidedAt: stored.decidedAt.toISOString(),
    announcedAt: stored.announcedAt?.toISOString() ?? null,
    sha256: stored.sha256,
    corrections: stored.decision.corrections,
  };
}
