import { Inject, Injectable } from '@nestjs/common';
import { WorkflowUpdateStage, type Client } from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import { launchCycle } from '../../../libs/cycles';
import { formatInZone, type Principal } from '../../../libs/domain';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { cycleList, stagesOfCycle } from '../../../libs/persistence/cycles';
import { cycleOrNotFound, type Db } from '../../../libs/persistence/shared';
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
    @Inject(DB) private readonly db: Db,
    private readonly templates: TemplatesService,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  async create(templateKey: string, templateVersion?: number, startAt?: string) {
    const template = await this.templates.resolve(templateKey, templateVersion);
    const deps = { db: this.db, client: this.client, taskQueue: this.config.taskQueue };
    const id = await launchCycle(deps, template, startAt ? new Date(startAt) : undefined);
    return this.get(id);
  }

  async get(id: string) {
    const cycle = await cycleOrNotFound(this.db, id);
    const stages = await stagesOfCycle(this.db, id);
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

  list() {
    return cycleList(this.db);
  }

  /**
   * The cycle workflow's validators refuse, with the reason, what does not apply to the cycle as it stands. Once
   * accepted the stage opens when every entry has heard the one before it closed; the answer waits for that at
   * most `waitMs`, then says the stage is opening.
   */
  async openStageNow(id: string, stageKey: string, reason: string, by: Principal, waitMs: number) {
    await this.get(id);
    const update = await this.handle(id).startUpdate(openStageNowUpdate, {
      args: [{ stageKey, reason: reason.trim(), requestedBy: by.userId }],
      waitForStage: WorkflowUpdateStage.ACCEPTED,
    });
    const opened = update.result();
    opened.catch(() => undefined); // awaited below, or not at all once the answer has been sent
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
    try {
      const opening = await Promise.race([opened, waited]);
      return opening
        ? { ...opening, status: 'open' as const }
        : { stageKey, openedAt: null, status: 'opening' as const };
    } finally {
      clearTimeout(timer);
    }
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
