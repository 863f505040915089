import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import {
  allDecisions,
  decisionBySequence,
  latestDecision,
  type StoredDecision,
} from '../../../activities/plenary/plenary-data';
import type { TahapConfig } from '../../../libs/config';
import {
  correctDecision,
  correctionWorkflowId,
  decisionCsv,
  decisionHtml,
  DomainError,
  ErrorCode,
  plenaryWorkflowId,
  type Principal,
} from '../../../libs/domain';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { exportDigest } from '../../../libs/plenary/decision-export';
import { CycleEntity } from '../../../libs/persistence';
import { decisionCorrectionWorkflow } from '../../../workflows/decision-correction.workflow';
import {
  castVoteUpdate,
  closePlenaryUpdate,
  plenaryStateQuery,
  proposeOverrideUpdate,
  recordAttendanceUpdate,
} from '../../../workflows/plenary.messages';
import type {
  AttendanceRequestDto,
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
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  async state(cycleId: string) {
    try {
      return await (await this.plenary(cycleId)).query(plenaryStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) {
        throw new DomainError(ErrorCode.PlenaryNotOpen, `The plenary of ${cycleId} has not opened yet.`);
      }
      throw error;
    }
  }

  async attendance(cycleId: string, body: AttendanceRequestDto, principal: Principal) {
    let panelistId = body.panelistId;
    if (principal.role === 'panelist') {
      if (panelistId && panelistId !== principal.userId) {
        throw new DomainError(ErrorCode.PlenaryNotMember, 'A panelist records only their own attendance.');
      }
      panelistId = principal.userId;
    } else if (!panelistId) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Name the panelist whose attendance you record.', [
        { path: 'panelistId', message: 'required when the secretariat records attendance' },
      ]);
    }
    return (await this.plenary(cycleId)).executeUpdate(recordAttendanceUpdate, {
      args: [{ panelistId, present: body.present, requestedBy: principal.userId }],
    });
  }

  async propose(cycleId: string, body: OverrideRequestDto, principal: Principal) {
    return (await this.plenary(cycleId)).executeUpdate(proposeOverrideUpdate, {
      args: [{ entryId: body.entryId, direction: body.direction, reason: body.reason, requestedBy: principal.userId }],
    });
  }

  async vote(cycleId: string, body: VoteRequestDto, principal: Principal) {
    return (await this.plenary(cycleId)).executeUpdate(castVoteUpdate, {
      args: [{ panelistId: principal.userId, on: body.on, vote: body.vote }],
    });
  }

  async close(cycleId: string, principal: Principal) {
    return (await this.plenary(cycleId)).executeUpdate(closePlenaryUpdate, {
      args: [{ requestedBy: principal.userId }],
    });
  }

  async decisions(cycleId: string) {
    await this.cycle(cycleId);
    return (await allDecisions(this.dataSource, cycleId)).map((stored) => summary(stored));
  }

  /** The same decision always exports to the same bytes; the JSON is the very text stored when it was made. */
  async export(cycleId: string, sequence: number, format: 'json' | 'csv' | 'html') {
    await this.cycle(cycleId);
    const stored = await decisionBySequence(this.dataSource, cycleId, sequence);
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

  /** The announced decision in force, as the public reads it: the winners of each cluster and group. */
  async results(cycleId: string) {
    await this.cycle(cycleId);
    const latest = await latestDecision(this.dataSource, cycleId);
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
    const latest = await latestDecision(this.dataSource, cycleId);
    if (!latest?.announcedAt) {
      throw new DomainError(
        ErrorCode.ResultsNotAnnounced,
        'Only an announced decision is corrected; before the announcement the plenary decides.',
      );
    }
    if (latest.decisionNumber !== body.supersedes) {
      throw new DomainError(
        ErrorCode.DecisionSuperseded,
        `Decision ${body.supersedes} is not the one in force: ${latest.decisionNumber} is. Correct that one.`,
        [{ path: 'supersedes', message: `must be ${latest.decisionNumber}` }],
      );
    }
    const { problems } = correctDecision(latest.decision, latest.sequence + 1, {
      reason: body.reason,
      moves: body.moves,
      decidedAt: new Date().toISOString(),
    });
    if (problems.length > 0) {
      throw new DomainError(
        ErrorCode.CorrectionInvalid,
        `The correction cannot be made: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        problems,
      );
    }
    try {
      const recorded = await this.client.workflow.execute(decisionCorrectionWorkflow, {
        workflowId: correctionWorkflowId(cycleId, latest.sequence + 1),
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
      return summary(await decisionBySequence(this.dataSource, cycleId, recorded.sequence));
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

  private async cycle(cycleId: string): Promise<CycleEntity> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
    return cycle;
  }

  private async plenary(cycleId: string) {
    const cycle = await this.cycle(cycleId);
    const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.type === 'plenary');
    if (!stage) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no plenary stage.`);
    return this.client.workflow.getHandle(plenaryWorkflowId(cycleId, stage.key));
  }
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
