import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { TahapConfig } from '../../../libs/config';
import { launchCycle } from '../../../libs/cycles';
import { DomainError, ErrorCode, formatInZone, type Principal } from '../../../libs/domain';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { CycleEntity, CycleStageEntity } from '../../../libs/persistence';
import {
  closeStageNowUpdate,
  extendStageDeadlineUpdate,
  openStageNowUpdate,
  pauseCycleUpdate,
  resumeCycleUpdate,
} from '../../../workflows/cycle.messages';
import { TemplatesService } from '../templates/templates.service';

@Injectable()
export class CyclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplatesService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  async create(templateKey: string, templateVersion?: number, startAt?: string) {
    const template = await this.templates.resolve(templateKey, templateVersion);
    const deps = { dataSource: this.dataSource, client: this.client, taskQueue: this.config.taskQueue };
    const id = await launchCycle(deps, template, startAt ? new Date(startAt) : undefined);
    return this.get(id);
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
      paused: cycle.paused,
      startsAt: cycle.startsAt,
      createdAt: cycle.createdAt,
      completedAt: cycle.completedAt,
      groups: cycle.resolvedTemplate.groups,
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
        paused: true,
        createdAt: true,
      },
      order: { createdAt: 'DESC' },
    });
  }

  /** The cycle workflow's validators refuse, with the reason, what does not apply to the cycle as it stands. */
  async openStageNow(id: string, stageKey: string, reason: string, by: Principal) {
    await this.get(id);
    return this.handle(id).executeUpdate(openStageNowUpdate, {
      args: [{ stageKey, reason: reason.trim(), requestedBy: by.userId }],
    });
  }

  async closeStageNow(id: string, stageKey: string, by: Principal) {
    await this.get(id);
    return this.handle(id).executeUpdate(closeStageNowUpdate, { args: [{ stageKey, requestedBy: by.userId }] });
  }

  async extendStage(id: string, stageKey: string, closesAt: string, reason: string, by: Principal) {
    await this.get(id);
    return this.handle(id).executeUpdate(extendStageDeadlineUpdate, {
      args: [{ stageKey, closesAt: new Date(closesAt).toISOString(), reason: reason.trim(), requestedBy: by.userId }],
    });
  }

  async pause(id: string, reason: string, by: Principal) {
    await this.get(id);
    return this.handle(id).executeUpdate(pauseCycleUpdate, {
      args: [{ reason: reason.trim(), requestedBy: by.userId }],
    });
  }

  async resume(id: string, by: Principal) {
    await this.get(id);
    return this.handle(id).executeUpdate(resumeCycleUpdate, { args: [{ requestedBy: by.userId }] });
  }

  private handle(id: string) {
    return this.client.workflow.getHandle(id);
  }
}
