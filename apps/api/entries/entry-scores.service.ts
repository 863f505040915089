import { Inject, Injectable } from '@nestjs/common';
import { interviewParams, rubricFor, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { existingCycle, stagesOfCycle } from '../../../libs/persistence/cycles';
import { latestScoreSheetsOfEntry } from '../../../libs/persistence/entries';
import type { Db } from '../../../libs/persistence/shared';
import { EntriesService } from './entries.service';
import { meanScores, stageScoresVisibleTo } from './entry-scores.rules';
import type { StageScoresDto } from './entry-scores.response.dto';

/** An entry's mean scores per scored stage, as far as the caller may read them (`stageScoresVisibleTo`). */
@Injectable()
export class EntryScoresService {
  constructor(
    @Inject(DB) private readonly db: Db,
    private readonly entries: EntriesService,
  ) {}

  async scores(entryId: string, by: Principal): Promise<StageScoresDto[]> {
    const entry = await this.entries.visibleEntry(entryId, by);
    const [cycle, stages, sheets] = await Promise.all([
      existingCycle(this.db, entry.cycleId),
      stagesOfCycle(this.db, entry.cycleId),
      latestScoreSheetsOfEntry(this.db, entryId),
    ]);
    const template = cycle.resolvedTemplate;
    return stages.flatMap((stage) => {
      const params = template.stages.find((defined) => defined.key === stage.key)?.params ?? {};
      if (!stageScoresVisibleTo(by.role, { type: stage.type, status: stage.status, params })) return [];
      const rubricKey = stage.type === 'interview' ? interviewParams(params).rubric : undefined;
      const rubric = rubricFor(template, entry.groupKey, rubricKey);
      const means = meanScores(
        rubric.criteria,
        sheets.filter((sheet) => sheet.stageKey === stage.key),
      );
      if (!means) return [];
      return [
        {
          stageKey: stage.key,
          stageName: stage.name,
          stageType: stage.type as StageScoresDto['stageType'],
          ...means,
        },
      ];
    });
  }
}
