import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, instantToLocal, type FieldIssue, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import {
  cycleInterviewStage,
  lockSchedule,
  panelsOfStage,
  replacePanels,
  replaceUnavailableDays,
  scheduleMade,
  type PanelView,
} from '../../../libs/persistence/interview';
import { inTransaction, type Db } from '../../../libs/persistence/shared';
import type { AvailabilityRequestDto, InterviewPanelsRequestDto } from './interview.request.dto';
import { usersByEmail } from '../../../libs/persistence/accounts';
import { agencyByCode } from '../../../libs/persistence/agencies/agency-directory';
import { panelsSeenBy } from './panels-seen-by';

/**
 * What the schedule is made from: the panels and the days agencies cannot attend, both fixed once the schedule is
 * made at the stage's opening.
 */
@Injectable()
export class InterviewSetupService {
  constructor(@Inject(DB) private readonly db: Db) {}

  private async refuseOnceScheduled(db: Db, cycleId: string, stageKey: string, what: string) {
    if (await scheduleMade(db, cycleId, stageKey)) {
      throw new DomainError(
        ErrorCode.ScheduleFixed,
        `The interview schedule has been made; ${what} can no longer change. Agencies move their own slots instead.`,
      );
    }
  }

  /** Replaces the stage's panels; all or nothing, and only until the schedule is made. */
  async setPanels(cycleId: string, body: InterviewPanelsRequestDto): Promise<PanelView[]> {
    return inTransaction(this.db, async (tx) => {
      const { stageKey, params } = await cycleInterviewStage(tx, cycleId);
      await lockSchedule(tx, cycleId, stageKey);
      await this.refuseOnceScheduled(tx, cycleId, stageKey, 'panels');
      const issues: FieldIssue[] = [];
      const keys = body.panels.map((panel) => panel.key);
      const expected = Array.from({ length: params.panels }, (_, index) => String(index + 1));
      if ([...keys].sort().join() !== [...expected].sort().join()) {
        issues.push({
          path: 'panels',
          message: `must be exactly the panels ${expected.join(', ')} (the template sits ${params.panels})`,
        });
      }
      const emails = body.panels.flatMap((panel) => panel.panelists.map((panelist) => panelist.email.toLowerCase()));
      const users = await usersByEmail(tx, emails);
      const byEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
      body.panels.forEach((panel, p) =>
        panel.panelists.forEach((panelist, i) => {
          const email = panelist.email.toLowerCase();
          const user = byEmail.get(email);
          const path = `panels[${p}].panelists[${i}].email`;
          if (!user) issues.push({ path, message: 'no account; create it with POST /users (role panelist)' });
          else if (user.role !== 'panelist')
            issues.push({ path, message: `is a ${user.role} account, not a panelist` });
          if (emails.indexOf(email) !== emails.lastIndexOf(email)) {
            issues.push({
              path,
              message: 'sits on more than one panel (or twice on one); panels sit at the same time',
            });
          }
        }),
      );
      if (issues.length > 0) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `The panels were not saved: ${issues[0].path} ${issues[0].message}.`,
          issues,
        );
      }
      await replacePanels(
        tx,
        cycleId,
        stageKey,
        body.panels.map((panel) => ({
          key: panel.key,
          name: panel.name,
          meetingUrl: panel.meetingUrl,
          panelists: panel.panelists.map((panelist) => ({
            userId: byEmail.get(panelist.email.toLowerCase())!.id,
            affiliations: [...new Set(panelist.affiliations)],
            province: panelist.province ?? null,
          })),
        })),
      );
      return panelsOfStage(tx, cycleId, stageKey);
    });
  }

  /** The panels: all of them for the secretariat and auditors, a panelist's own for a panelist. */
  async panels(cycleId: string, by: Principal): Promise<PanelView[]> {
    const { stageKey } = await cycleInterviewStage(this.db, cycleId);
    const seen = await panelsSeenBy(this.db, cycleId, stageKey, by);
    const panels = await panelsOfStage(this.db, cycleId, stageKey);
    return seen === 'all' ? panels : panels.filter((panel) => seen.has(panel.key));
  }

  /** The days an agency cannot attend, in its own zone; replaced wholesale, until the schedule is made. */
  async setAvailability(cycleId: string, body: AvailabilityRequestDto, by: Principal) {
    const agencyCode = by.role === 'agency' ? by.agencyCode! : body.agencyCode;
    if (!agencyCode) {
      throw new DomainError(ErrorCode.ValidationFailed, 'agencyCode must name the agency.', [
        { path: 'agencyCode', message: 'required when an admin declares for an agency' },
      ]);
    }
    return inTransaction(this.db, async (tx) => {
      const { stageKey, stage } = await cycleInterviewStage(tx, cycleId);
      await lockSchedule(tx, cycleId, stageKey);
      await this.refuseOnceScheduled(tx, cycleId, stageKey, 'unavailable days');
      const agency = await agencyByCode(tx, agencyCode);
      if (!agency) throw new DomainError(ErrorCode.AgencyNotFound, `No agency "${agencyCode}".`);
      const first = instantToLocal(stage.opensAt, agency.zone).slice(0, 10);
      const last = instantToLocal(stage.closesAt, agency.zone).slice(0, 10);
      const issues = body.unavailableDays.flatMap((day, index) =>
        !isCalendarDate(day) || day < first || day > last
          ? [
              {
                path: `unavailableDays[${index}]`,
                message: `must be a date from ${first} to ${last} (the interview stage, ${agency.zone})`,
              },
            ]
          : [],
      );
      if (issues.length > 0) {
        throw new DomainError(ErrorCode.ValidationFailed, `${issues[0].path} ${issues[0].message}.`, issues);
      }
      const days = [...new Set(body.unavailableDays)].sort();
      await replaceUnavailableDays(tx, cycleId, agencyCode, days, by.userId);
      return { cycleId, agencyCode, zone: agency.zone, unavailableDays: days };
    });
  }
}

/** `2024-02-30` parses (as 1 March), so a date is real only when it reads back the same. */
function isCalendarDate(day: string): boolean {
  const parsed = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === day;
}
