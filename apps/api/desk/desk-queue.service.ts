import { Inject, Injectable } from '@nestjs/common';
import { deskParams, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { existingCycle } from '../../../libs/persistence/cycles';
import { evaluatorQueue, type EvaluatorQueueRow } from '../../../libs/persistence/desk';
import type { Db } from '../../../libs/persistence/shared';
import { byStage } from '../common/by-stage';
import { rubricsOfGroups } from '../common/rubric-view';
import { asReaderOfCycle } from './blind-review';
import type { DeskQueueStageDto } from './desk.response.dto';

/** An evaluator's work queue: per open desk stage, the entries given to them, their progress and the rubrics. */
@Injectable()
export class DeskQueueService {
  constructor(@Inject(DB) private readonly db: Db) {}

  async queue(by: Principal): Promise<DeskQueueStageDto[]> {
    const stages = byStage(await evaluatorQueue(this.db, by.userId));
    return Promise.all(stages.map((rows) => this.stage(rows, by)));
  }

  private async stage(rows: EvaluatorQueueRow[], by: Principal): Promise<DeskQueueStageDto> {
    const [first] = rows;
    const template = (await existingCycle(this.db, first.cycleId)).resolvedTemplate;
    const params = deskParams(template.stages.find((stage) => stage.key === first.stageKey)?.params);
    const groups = rows.map((row) => row.group);
    const stage: DeskQueueStageDto = {
      cycleId: first.cycleId,
      programme: first.programme,
      year: first.year,
      stageKey: first.stageKey,
      stageName: first.stageName,
      closesAt: first.closesAt,
      commentRequired: params.commentRequired,
      blindReview: params.blindReview,
      assigned: rows.length,
      scored: rows.filter((row) => row.version !== null).length,
      rubrics: rubricsOfGroups(template, groups),
      // Counted above, listed once the entry has taken up the stage: a sheet sent sooner would be refused.
      entries: rows
        .filter((row) => row.ready)
        .map((row) => ({
          entryId: row.entryId,
          title: row.title,
          group: row.group,
          cluster: row.cluster,
          dueAt: row.dueAt,
          version: row.version,
          weighted: row.weighted === null ? null : Number(row.weighted),
          scoredAt: row.scoredAt,
          agencyCode: row.agencyCode,
          agencyName: row.agencyName,
          province: row.province,
          region3T: row.region3T,
        })),
    };
    return asReaderOfCycle(stage, by, template);
  }
}
