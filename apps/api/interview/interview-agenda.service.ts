import { Inject, Injectable } from '@nestjs/common';
import { formatInZone, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { existingCycle } from '../../../libs/persistence/cycles';
import { panelistAgenda, type PanelistAgendaRow } from '../../../libs/persistence/interview';
import type { Db } from '../../../libs/persistence/shared';
import { byStage } from '../common/by-stage';
import { rubricsOfGroups } from '../common/rubric-view';
import type { InterviewAgendaStageDto } from './interview.response.dto';

/** A panelist's interviews: per open interview stage, the bookings on their panels and the rubrics. */
@Injectable()
export class InterviewAgendaService {
  constructor(@Inject(DB) private readonly db: Db) {}

  async agenda(by: Principal): Promise<InterviewAgendaStageDto[]> {
    const stages = byStage(await panelistAgenda(this.db, by.userId));
    return Promise.all(stages.map((rows) => this.stage(rows)));
  }

  private async stage(rows: PanelistAgendaRow[]): Promise<InterviewAgendaStageDto> {
    const [first] = rows;
    const template = (await existingCycle(this.db, first.cycleId)).resolvedTemplate;
    return {
      cycleId: first.cycleId,
      programme: first.programme,
      year: first.year,
      stageKey: first.stageKey,
      stageName: first.stageName,
      rubrics: rubricsOfGroups(
        template,
        rows.map((row) => row.group),
      ),
      interviews: rows.map((row) => ({
        entryId: row.entryId,
        title: row.title,
        group: row.group,
        agencyName: row.agencyName,
        agencyZone: row.agencyZone,
        startsAtAgencyLocal: formatInZone(new Date(row.startsAt), row.agencyZone),
        panelKey: row.panelKey,
        panelName: row.panelName,
        meetingUrl: row.meetingUrl,
        startsAt: new Date(row.startsAt).toISOString(),
        endsAt: new Date(row.endsAt).toISOString(),
        attendance: row.attendance,
        scoredAt: row.scoredAt,
      })),
    };
  }
}
