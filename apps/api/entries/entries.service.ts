import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DataSource, QueryFailedError } from 'typeorm';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, entryWorkflowId, ErrorCode, formatInZone } from '../../../libs/domain';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import {
  AgencyEntity,
  CycleEntity,
  CycleStageEntity,
  EntryEntity,
  EntryStageEventEntity,
} from '../../../libs/persistence';
import type { EntryWorkflowInput } from '../../../workflows/entry.messages';
import type { RegisterEntryRequestDto } from './register-entry.request.dto';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class EntriesService {
  private readonly logger = new Logger(EntriesService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  /**
   * One transaction checks that submission is open (under the stage row's lock, which the cycle's close also
   * takes) and inserts the entry; the entry's workflow is started after the commit. Should that start fail, the
   * cycle's next fan-out starts it (signal-with-start), so a registered entry is never lost.
   */
  async register(cycleId: string, request: RegisterEntryRequestDto) {
    const { entry, input } = await this.dataSource.transaction(async (tx) => {
      const cycle = await tx.getRepository(CycleEntity).findOneBy({ id: cycleId });
      if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
      const agency = await tx.getRepository(AgencyEntity).findOneBy({ code: request.agencyCode });
      if (!agency) {
        throw new DomainError(ErrorCode.AgencyNotFound, `No agency with code "${request.agencyCode}".`, [
          { path: 'agencyCode', message: 'unknown agency' },
        ]);
      }
      const groups = cycle.resolvedTemplate.groups.map((group) => group.key);
      if (!groups.includes(request.group)) {
        throw new DomainError(ErrorCode.ValidationFailed, `group must be one of ${groups.join(', ')} in ${cycleId}.`, [
          { path: 'group', message: `must be one of ${groups.join(', ')}` },
        ]);
      }
      const submission = await tx.getRepository(CycleStageEntity).findOneOrFail({
        where: { cycleId, type: 'submission' },
        lock: { mode: 'pessimistic_write' },
      });
      const [{ now }] = await tx.query<{ now: Date }[]>('SELECT now() AS now');
      if (submission.status === 'closed' || now >= submission.closesAt) {
        const closedAt = submission.closedAt ?? submission.closesAt;
        throw new DomainError(
          ErrorCode.RegistrationClosed,
          `Registration for ${cycleId} closed at ${formatInZone(closedAt, agency.zone)}.`,
        );
      }
      if (now < submission.opensAt) {
        throw new DomainError(
          ErrorCode.RegistrationNotOpen,
          `Registration for ${cycleId} opens at ${formatInZone(submission.opensAt, agency.zone)}.`,
        );
      }
      const id = await tx.query<{ id: string }[]>('SELECT gen_random_uuid() AS id').then(([row]) => row.id);
      const entry = tx.getRepository(EntryEntity).create({
        id,
        cycleId,
        agencyCode: agency.code,
        title: request.title.trim(),
        summary: request.summary.trim(),
        groupKey: request.group,
        cluster: agency.cluster,
        status: 'active',
        currentStage: submission.key,
        workflowId: entryWorkflowId(cycleId, id),
      });
      await tx
        .getRepository(EntryEntity)
        .insert(entry)
        .catch((error: unknown) => {
          if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
            throw new DomainError(
              ErrorCode.RegistrationDuplicate,
              `${agency.name} already registered an innovation titled "${entry.title}" in ${cycleId}.`,
              [{ path: 'title', message: 'already registered by this agency in this cycle' }],
            );
          }
          throw error;
        });
      const saved = await tx.getRepository(EntryEntity).findOneByOrFail({ id });
      const input: EntryWorkflowInput = {
        cycleId,
        entryId: id,
        agencyCode: agency.code,
        cluster: agency.cluster,
        group: request.group,
        programme: cycle.programme,
        year: cycle.year,
        joinedStage: submission.key,
        joinedAt: saved.createdAt.toISOString(),
      };
      return { entry: saved, input };
    });
    await this.startWorkflow(entry.workflowId, input);
    return this.get(entry.id);
  }

  private async startWorkflow(workflowId: string, input: EntryWorkflowInput): Promise<void> {
    try {
      await this.client.workflow.start('entryWorkflow', {
        workflowId,
        taskQueue: this.config.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.warn(
        `Entry ${input.entryId} is registered; its workflow will be started by the next stage fan-out (${String(error)})`,
      );
    }
  }

  async get(id: string) {
    const entry = await this.dataSource.getRepository(EntryEntity).findOneBy({ id });
    if (!entry) throw new DomainError(ErrorCode.EntryNotFound, `No entry "${id}".`);
    const events = await this.dataSource
      .getRepository(EntryStageEventEntity)
      .find({ where: { entryId: id }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return {
      id: entry.id,
      cycleId: entry.cycleId,
      agencyCode: entry.agencyCode,
      title: entry.title,
      summary: entry.summary,
      group: entry.groupKey,
      cluster: entry.cluster,
      status: entry.status,
      currentStage: entry.currentStage,
      workflowId: entry.workflowId,
      registeredAt: entry.createdAt,
      stageHistory: events.map((event) => ({
        stage: event.stageKey,
        kind: event.kind,
        outcome: event.outcome,
        at: event.occurredAt,
      })),
    };
  }

  async listForCycle(cycleId: string) {
    return this.dataSource.getRepository(EntryEntity).find({ where: { cycleId }, order: { createdAt: 'ASC' } });
  }
}
