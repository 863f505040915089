import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { TahapConfig } from '../../../libs/config';
import {
  cycleId as cycleIdOf,
  DomainError,
  ErrorCode,
  formatInZone,
  type ResolvedTemplate,
} from '../../../libs/domain';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { CycleEntity, CycleStageEntity } from '../../../libs/persistence';
import { closeStageNowUpdate, type StageClosure } from '../../../workflows/cycle.messages';
import { TemplatesService } from '../templates/templates.service';

@Injectable()
export class CyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplatesService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  /**
   * Creates a cycle from a template version and starts its workflow, which waits for each stage's instant.
   * The rows are written first; if the workflow cannot be started they are removed again, so nothing half-made stays.
   */
  async create(templateKey: string, templateVersion?: number) {
    const template = await this.templates.resolve(templateKey, templateVersion);
    const submission = template.stages[0];
    const [{ now }] = await this.dataSource.query<{ now: Date }[]>('SELECT now() AS now');
    if (Date.parse(submission.closesAt) <= now.getTime()) {
      throw new DomainError(
        ErrorCode.CycleCalendarPast,
        `Template ${template.key} v${template.version}: its ${submission.key} stage closed at ${formatInZone(new Date(submission.closesAt), submission.zone)}; create a new template version with a current calendar.`,
      );
    }
    const id = cycleIdOf(template.programme, template.year);
    await this.insertRows(id, template);
    try {
      await this.client.workflow.start('cycleWorkflow', {
        workflowId: id,
        taskQueue: this.config.taskQueue,
        args: [{ cycleId: id, template }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      await this.dataSource.getRepository(CycleEntity).delete({ id });
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError(ErrorCode.CycleExists, `Cycle ${id} has already run; a programme has one cycle a year.`);
      }
      throw error;
    }
    return this.get(id);
  }

  private async insertRows(id: string, template: ResolvedTemplate): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(CycleEntity)
        .values({
          id,
          programme: template.programme,
          year: template.year,
          templateKey: template.key,
          templateVersion: template.version,
          resolvedTemplate: template,
          status: 'scheduled',
        })
        .orIgnore()
        .execute();
      if ((inserted.raw as unknown[]).length === 0) {
        throw new DomainError(ErrorCode.CycleExists, `Cycle ${id} already exists.`);
      }
      await tx.getRepository(CycleStageEntity).insert(
        template.stages.map((stage, position) => ({
          cycleId: id,
          key: stage.key,
          position,
          type: stage.type,
          name: stage.name,
          zone: stage.zone,
          opensAt: new Date(stage.opensAt),
          closesAt: new Date(stage.closesAt),
          status: 'pending' as const,
        })),
      );
    });
  }

  async get(id: string) {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${id}".`);
    const stages = await this.dataSource
      .getRepository(CycleStageEntity)
      .find({ where: { cycleId: id }, order: { position: 'ASC' } });
    return {
      id: cycle.id,
      programme: cycle.programme,
      year: cycle.year,
      template: { key: cycle.templateKey, version: cycle.templateVersion },
      status: cycle.status,
      createdAt: cycle.createdAt,
      completedAt: cycle.completedAt,
      stages: stages.map((stage) => ({
        key: stage.key,
        type: stage.type,
        name: stage.name,
        status: stage.status,
        opensAt: stage.opensAt,
        closesAt: stage.closesAt,
        opensAtLocal: formatInZone(stage.opensAt, stage.zone),
        closesAtLocal: formatInZone(stage.closesAt, stage.zone),
        openedAt: stage.openedAt,
        closedAt: stage.closedAt,
        closedBy: stage.closedBy,
      })),
    };
  }

  async list() {
    return this.dataSource.getRepository(CycleEntity).find({
      select: {
        id: true,
        programme: true,
        year: true,
        templateKey: true,
        templateVersion: true,
        status: true,
        createdAt: true,
      },
      order: { createdAt: 'DESC' },
    });
  }

  /** Closes the cycle's open stage now; the cycle workflow's validator refuses a stage that is not open. */
  async closeStageNow(id: string, stageKey: string, requestedBy: string): Promise<StageClosure> {
    await this.get(id);
    return this.client.workflow.getHandle(id).executeUpdate(closeStageNowUpdate, { args: [{ stageKey, requestedBy }] });
  }
}
