import { Inject, Injectable } from '@nestjs/common';
import { assignableEntries, assignableEvaluators } from '../../../libs/persistence/desk';
import {
  DomainError,
  ErrorCode,
  formatInZone,
  planVisits,
  visitDays,
  type FieldIssue,
  type Principal,
} from '../../../libs/domain';
import { formatDayInZone } from '../../../libs/domain/notices/field-visit-notice-texts';
import { DB } from '../../../libs/infrastructure/tokens';
import type { CycleStageEntity } from '../../../libs/persistence';
import {
  cyclePanelists,
  entriesToVisit,
  fieldVerificationStages,
  fieldVisitViews,
  grantVisitorsAccess,
  insertFieldVisits,
  lockFieldVisit,
  recordFieldVisitOutcome,
  visitLoads,
  visitsPlannedFor,
  type FieldVisitViewRow,
  type NewFieldVisit,
} from '../../../libs/persistence/field-verification';
import {
  advisoryLock,
  cycleOrNotFound,
  inTransaction,
  lockStage,
  LockNamespace,
  type Db,
} from '../../../libs/persistence/shared';
import { NoticesService } from '../notify/notices.service';
import type { PlanFieldVisitsRequestDto, RecordFieldVisitOutcomeRequestDto } from './field-visit.request.dto';

interface Visitor {
  userId: string;
  name: string;
  email: string;
}

export interface FieldVisitView {
  id: string;
  cycleId: string;
  stageKey: string;
  entryId: string;
  entryTitle: string;
  agencyCode: string;
  /** `YYYY-MM-DD` in the stage's zone, and as a person reads it. */
  date: string;
  dateLocal: string;
  mode: string;
  panelist: Visitor;
  evaluator: Visitor;
  /** Why these two were chosen. */
  reason: string;
  plannedBy: string;
  plannedAt: Date;
  outcome: string | null;
  notes: string | null;
  outcomeBy: string | null;
  outcomeAt: Date | null;
}

const MAX_ISSUES_IN_MESSAGE = 3;

/** `visits[0].date: …; visits[2].entryId: …` and how many more, for a message a person can act on. */
function listed(issues: FieldIssue[]): string {
  const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? ` (and ${issues.length - MAX_ISSUES_IN_MESSAGE} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/**
 * Verifikasi lapangan. Admins name the entries, days and modes; the engine picks for each a panelist (TPI) and an
 * evaluator (TE) without a conflict of interest, least loaded first. A request is planned whole or not at all, in
 * one transaction holding the stage row against its close (as registration does), one plan per stage at a time.
 */
@Injectable()
export class FieldVisitsService {
  constructor(
    @Inject(DB) private readonly db: Db,
    private readonly notices: NoticesService,
  ) {}

  async plan(cycleId: string, body: PlanFieldVisitsRequestDto, principal: Principal): Promise<FieldVisitView[]> {
    const visitIds = await inTransaction(this.db, async (tx) => {
      const stage = await this.plannableStage(tx, cycleId, body.stageKey);
      await advisoryLock(tx, LockNamespace.FieldVisits, `${cycleId}|${stage.key}`);
      await this.refuseBadVisits(tx, cycleId, stage, body);
      await this.refuseAlreadyPlanned(tx, stage, body);

      const entryIds = body.visits.map((visit) => visit.entryId);
      const plan = planVisits(
        await assignableEntries(tx, cycleId, entryIds),
        await cyclePanelists(tx, cycleId),
        await assignableEvaluators(tx, cycleId),
        await visitLoads(tx, cycleId, stage.key),
      );
      if (plan.unplanned.length > 0) {
        const why = new Map(plan.unplanned.map((item) => [item.entryId, item.reason]));
        const issues = entryIds.flatMap((id, index) =>
          why.has(id) ? [{ path: `visits[${index}].entryId`, message: why.get(id)! }] : [],
        );
        throw new DomainError(
          ErrorCode.FieldVisitNoEligibleVisitor,
          `Nobody without a conflict of interest can visit ${issues.length} of the entries, so nothing was planned: ${listed(issues)}. Add panelists or evaluators, or leave these entries out.`,
          issues,
        );
      }
      const byEntry = new Map(body.visits.map((visit) => [visit.entryId, visit]));
      const visits: NewFieldVisit[] = plan.visits.map((visit) => ({
        entryId: visit.entryId,
        panelistId: visit.panelistId,
        evaluatorId: visit.evaluatorId,
        date: byEntry.get(visit.entryId)!.date,
        mode: byEntry.get(visit.entryId)!.mode,
        reason: visit.reason,
      }));
      const ids = await insertFieldVisits(tx, stage, visits, principal.userId);
      await grantVisitorsAccess(tx, visits);
      return ids;
    });
    // After the commit, so the notices read the visits; their keys make telling twice harmless.
    await this.notices.send({ kind: 'field-visit-planned', cycleId, visitIds });
    return (await fieldVisitViews(this.db, { cycleId, ids: visitIds })).map(toView);
  }

  /** Admins and auditors read every visit of the cycle; a panelist or an evaluator only those they make. */
  async list(cycleId: string, principal: Principal): Promise<FieldVisitView[]> {
    await cycleOrNotFound(this.db, cycleId);
    const own = principal.role === 'panelist' || principal.role === 'evaluator';
    return (await fieldVisitViews(this.db, { cycleId, visitor: own ? principal.userId : undefined })).map(toView);
  }

  /**
   * The visit's outcome, once, by one of its two visitors or an admin, while the stage is open. Anyone else is told
   * there is no such visit, so ids reveal nothing.
   */
  async recordOutcome(
    visitId: string,
    body: RecordFieldVisitOutcomeRequestDto,
    principal: Principal,
  ): Promise<FieldVisitView> {
    await inTransaction(this.db, async (tx) => {
      const visit = await lockFieldVisit(tx, visitId);
      const mayRecord =
        visit &&
        (principal.role === 'admin' || [visit.panelist_user_id, visit.evaluator_user_id].includes(principal.userId));
      if (!mayRecord) throw new DomainError(ErrorCode.FieldVisitNotFound, `No field visit ${visitId} of yours.`);
      const stage = await lockStage(tx, visit.cycle_id, visit.stage_key, 'share');
      if (!stage)
        throw new Error(`Field visit ${visitId} names stage ${visit.stage_key}, which ${visit.cycle_id} lacks.`);
      if (stage.status === 'pending') {
        throw new DomainError(
          ErrorCode.StageNotOpen,
          `"${stage.name}" opens at ${formatInZone(stage.opensAt, stage.zone)}; outcomes are recorded while it is open.`,
        );
      }
      if (stage.status === 'closed') {
        throw new DomainError(
          ErrorCode.StageAlreadyClosed,
          `"${stage.name}" closed at ${formatInZone(stage.closedAt ?? stage.closesAt, stage.zone)}; outcomes can no longer be recorded.`,
        );
      }
      if (visit.outcome) {
        throw new DomainError(
          ErrorCode.FieldVisitAlreadyRecorded,
          `The outcome of this visit was already recorded (${visit.outcome}, at ${formatInZone(new Date(visit.outcome_at!), stage.zone)}); an outcome is recorded once and not changed.`,
        );
      }
      await recordFieldVisitOutcome(tx, visitId, { outcome: body.outcome, notes: body.notes, by: principal.userId });
    });
    const [view] = await fieldVisitViews(this.db, { ids: [visitId] });
    return toView(view);
  }

  /** The stage named, if it is a field-verification stage of the cycle that has not closed; held until commit. */
  private async plannableStage(tx: Db, cycleId: string, stageKey: string): Promise<CycleStageEntity> {
    await cycleOrNotFound(tx, cycleId);
    // FOR SHARE: the cycle's close takes this row FOR UPDATE, so a plan commits before the close or sees it closed.
    const stage = await lockStage(tx, cycleId, stageKey, 'share');
    if (!stage) {
      const fieldStages = await fieldVerificationStages(tx, cycleId);
      const hint =
        fieldStages.length === 0
          ? `${cycleId} has no field-verification stage`
          : `its field-verification stage is ${fieldStages.map((candidate) => candidate.key).join(', ')}`;
      throw new DomainError(ErrorCode.StageNotFound, `stageKey: ${cycleId} has no stage "${stageKey}"; ${hint}.`, [
        { path: 'stageKey', message: `no such stage in ${cycleId}` },
      ]);
    }
    if (stage.type !== 'field-verification') {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        `stageKey: "${stageKey}" is a ${stage.type} stage; visits are planned in a field-verification stage.`,
        [{ path: 'stageKey', message: `is a ${stage.type} stage, not field-verification` }],
      );
    }
    if (stage.status === 'closed') {
      throw new DomainError(
        ErrorCode.StageAlreadyClosed,
        `stageKey: "${stage.name}" closed at ${formatInZone(stage.closedAt ?? stage.closesAt, stage.zone)}; no more visits can be planned.`,
        [{ path: 'stageKey', message: 'the stage has closed' }],
      );
    }
    return stage;
  }

  /** Every visit naming the same entry twice, a day outside the stage, or an entry that is not active in the cycle. */
  private async refuseBadVisits(
    tx: Db,
    cycleId: string,
    stage: CycleStageEntity,
    body: PlanFieldVisitsRequestDto,
  ): Promise<void> {
    const { first, last } = visitDays(stage.opensAt, stage.closesAt, stage.zone);
    const ids = body.visits.map((visit) => visit.entryId);
    const entries = await entriesToVisit(tx, ids);
    const found = new Map(entries.map((entry) => [entry.id, entry]));
    const issues: FieldIssue[] = body.visits.flatMap((visit, index) => {
      const problems: FieldIssue[] = [];
      const entry = found.get(visit.entryId);
      if (ids.indexOf(visit.entryId) !== index) {
        problems.push({ path: `visits[${index}].entryId`, message: 'is listed twice; one visit per entry' });
      } else if (!entry || entry.cycle_id !== cycleId) {
        problems.push({ path: `visits[${index}].entryId`, message: `no such entry in ${cycleId}` });
      } else if (entry.status !== 'active') {
        problems.push({
          path: `visits[${index}].entryId`,
          message: `the entry is ${entry.status}; only active entries are visited`,
        });
      }
      if (visit.date < first || visit.date > last) {
        problems.push({
          path: `visits[${index}].date`,
          message: `${visit.date} is outside "${stage.name}", ${formatDayInZone(first, stage.zone)} to ${formatDayInZone(last, stage.zone)}`,
        });
      }
      return problems;
    });
    if (issues.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, `Nothing was planned: ${listed(issues)}.`, issues);
    }
  }

  private async refuseAlreadyPlanned(tx: Db, stage: CycleStageEntity, body: PlanFieldVisitsRequestDto): Promise<void> {
    const ids = body.visits.map((visit) => visit.entryId);
    const planned = await visitsPlannedFor(tx, stage, ids);
    const existing = new Map(planned.map((row) => [row.entry_id, row]));
    const issues = ids.flatMap((id, index) => {
      const visit = existing.get(id);
      return visit
        ? [
            {
              path: `visits[${index}].entryId`,
              message: `already has a visit on ${formatDayInZone(visit.visit_date, stage.zone)} (${visit.id}); one visit per entry and stage`,
            },
          ]
        : [];
    });
    if (issues.length > 0) {
      throw new DomainError(ErrorCode.FieldVisitAlreadyRecorded, `Nothing was planned: ${listed(issues)}.`, issues);
    }
  }
}

function toView(row: FieldVisitViewRow): FieldVisitView {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    stageKey: row.stage_key,
    entryId: row.entry_id,
    entryTitle: row.title,
    agencyCode: row.agency_code,
    date: row.visit_date,
    dateLocal: formatDayInZone(row.visit_date, row.zone),
    mode: row.mode,
    panelist: { userId: row.panelist_user_id, name: row.panelist_name, email: row.panelist_email },
    evaluator: { userId: row.evaluator_user_id, name: row.evaluator_name, email: row.evaluator_email },
    reason: row.reason,
    plannedBy: row.planned_by,
    plannedAt: row.planned_at,
    outcome: row.outcome,
    notes: row.notes,
    outcomeBy: row.outcome_by,
    outcomeAt: row.outcome_at,
  };
}
