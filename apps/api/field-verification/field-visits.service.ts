import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assignableEntries, assignableEvaluators } from '../../../activities/desk/desk-data';
import {
  DomainError,
  ErrorCode,
  formatInZone,
  planVisits,
  visitDays,
  type AssignableEvaluator,
  type FieldIssue,
  type Principal,
  type Zone,
} from '../../../libs/domain';
import { formatDayInZone } from '../../../libs/domain/notices/field-visit-notice-texts';
import { CycleEntity, CycleStageEntity } from '../../../libs/persistence';
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

interface ViewRow {
  id: string;
  cycle_id: string;
  stage_key: string;
  entry_id: string;
  title: string;
  agency_code: string;
  visit_date: string;
  zone: Zone;
  mode: string;
  reason: string;
  panelist_user_id: string;
  panelist_name: string;
  panelist_email: string;
  evaluator_user_id: string;
  evaluator_name: string;
  evaluator_email: string;
  planned_by: string;
  planned_at: Date;
  outcome: string | null;
  notes: string | null;
  outcome_by: string | null;
  outcome_at: Date | null;
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
    private readonly dataSource: DataSource,
    private readonly notices: NoticesService,
  ) {}

  async plan(cycleId: string, body: PlanFieldVisitsRequestDto, principal: Principal): Promise<FieldVisitView[]> {
    const visitIds = await this.dataSource.transaction(async (tx) => {
      const stage = await this.plannableStage(tx, cycleId, body.stageKey);
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`field-visits|${cycleId}|${stage.key}`]);
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
      const rows = await tx.query<{ id: string }[]>(
        `INSERT INTO field_visits
           (cycle_id, stage_key, entry_id, panelist_user_id, evaluator_user_id, visit_date, mode, reason, planned_by)
         SELECT $1, $2, unnest($3::uuid[]), unnest($4::uuid[]), unnest($5::uuid[]), unnest($6::date[]),
                unnest($7::text[]), unnest($8::text[]), $9
         RETURNING id`,
        [
          cycleId,
          stage.key,
          plan.visits.map((visit) => visit.entryId),
          plan.visits.map((visit) => visit.panelistId),
          plan.visits.map((visit) => visit.evaluatorId),
          plan.visits.map((visit) => byEntry.get(visit.entryId)!.date),
          plan.visits.map((visit) => byEntry.get(visit.entryId)!.mode),
          plan.visits.map((visit) => visit.reason),
          principal.userId,
        ],
      );
      // Visitors read the entries they verify, as evaluators read those they score.
      await tx.query(
        `INSERT INTO entry_assignments (entry_id, user_id, role)
         SELECT unnest($1::uuid[]), unnest($2::uuid[]), 'panelist'
         UNION ALL SELECT unnest($1::uuid[]), unnest($3::uuid[]), 'evaluator'
         ON CONFLICT DO NOTHING`,
        [
          plan.visits.map((visit) => visit.entryId),
          plan.visits.map((visit) => visit.panelistId),
          plan.visits.map((visit) => visit.evaluatorId),
        ],
      );
      return rows.map((row) => row.id);
    });
    // After the commit, so the notices read the visits; their keys make telling twice harmless.
    await this.notices.send({ kind: 'field-visit-planned', cycleId, visitIds });
    return fieldVisits(this.dataSource.manager, { cycleId, ids: visitIds });
  }

  /** Admins and auditors read every visit of the cycle; a panelist or an evaluator only those they make. */
  async list(cycleId: string, principal: Principal): Promise<FieldVisitView[]> {
    const cycle = await this.dataSource.getRepository(CycleEntity).existsBy({ id: cycleId });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
    const own = principal.role === 'panelist' || principal.role === 'evaluator';
    return fieldVisits(this.dataSource.manager, { cycleId, visitor: own ? principal.userId : undefined });
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
    await this.dataSource.transaction(async (tx) => {
      const [visit] = await tx.query<
        {
          cycle_id: string;
          stage_key: string;
          panelist_user_id: string;
          evaluator_user_id: string;
          outcome: string | null;
          outcome_at: Date | null;
        }[]
      >(
        `SELECT cycle_id, stage_key, panelist_user_id, evaluator_user_id, outcome, outcome_at
           FROM field_visits WHERE id = $1 FOR UPDATE`,
        [visitId],
      );
      const mayRecord =
        visit &&
        (principal.role === 'admin' || [visit.panelist_user_id, visit.evaluator_user_id].includes(principal.userId));
      if (!mayRecord) throw new DomainError(ErrorCode.FieldVisitNotFound, `No field visit ${visitId} of yours.`);
      const stage = await tx.getRepository(CycleStageEntity).findOneOrFail({
        where: { cycleId: visit.cycle_id, key: visit.stage_key },
        lock: { mode: 'pessimistic_read' },
      });
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
      await tx.query(
        `UPDATE field_visits SET outcome = $2, notes = $3, outcome_by = $4, outcome_at = now()
          WHERE id = $1 AND outcome IS NULL`,
        [visitId, body.outcome, body.notes, principal.userId],
      );
    });
    const [view] = await fieldVisits(this.dataSource.manager, { ids: [visitId] });
    return view;
  }

  /** The stage named, if it is a field-verification stage of the cycle that has not closed; held until commit. */
  private async plannableStage(tx: EntityManager, cycleId: string, stageKey: string): Promise<CycleStageEntity> {
    const cycle = await tx.getRepository(CycleEntity).existsBy({ id: cycleId });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
    // FOR SHARE: the cycle's close takes this row FOR UPDATE, so a plan commits before the close or sees it closed.
    const stage = await tx
      .getRepository(CycleStageEntity)
      .findOne({ where: { cycleId, key: stageKey }, lock: { mode: 'pessimistic_read' } });
    if (!stage) {
      const fieldStages = await tx.getRepository(CycleStageEntity).findBy({ cycleId, type: 'field-verification' });
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
    tx: EntityManager,
    cycleId: string,
    stage: CycleStageEntity,
    body: PlanFieldVisitsRequestDto,
  ): Promise<void> {
    const { first, last } = visitDays(stage.opensAt, stage.closesAt, stage.zone);
    const ids = body.visits.map((visit) => visit.entryId);
    const entries = await tx.query<{ id: string; cycle_id: string; status: string }[]>(
      `SELECT id, cycle_id, status FROM entries WHERE id = ANY($1::uuid[])`,
      [ids],
    );
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

  private async refuseAlreadyPlanned(
    tx: EntityManager,
    stage: CycleStageEntity,
    body: PlanFieldVisitsRequestDto,
  ): Promise<void> {
    const ids = body.visits.map((visit) => visit.entryId);
    const planned = await tx.query<{ entry_id: string; id: string; visit_date: string }[]>(
      `SELECT entry_id, id, to_char(visit_date, 'YYYY-MM-DD') AS visit_date FROM field_visits
        WHERE cycle_id = $1 AND stage_key = $2 AND entry_id = ANY($3::uuid[])`,
      [stage.cycleId, stage.key, ids],
    );
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

/**
 * The cycle's panelists (TPI) as conflict rules see them: what they declared for any of the cycle's interview
 * panels (affiliations of all together), and the conflicts they declared on entries.
 */
async function cyclePanelists(db: EntityManager, cycleId: string): Promise<AssignableEvaluator[]> {
  const rows = await db.query<
    { user_id: string; name: string; affiliations: string[]; province: string | null; conflicts: string[] }[]
  >(
    `SELECT p.user_id, u.display_name AS name,
            array(SELECT DISTINCT a FROM interview_panelists q, unnest(q.affiliations) a
                   WHERE q.cycle_id = p.cycle_id AND q.user_id = p.user_id ORDER BY a) AS affiliations,
            min(p.province) AS province,
            array(SELECT c.entry_id::text FROM evaluator_conflicts c
                   WHERE c.cycle_id = p.cycle_id AND c.user_id = p.user_id ORDER BY c.entry_id) AS conflicts
       FROM interview_panelists p JOIN users u ON u.id = p.user_id
      WHERE p.cycle_id = $1
      GROUP BY p.cycle_id, p.user_id, u.display_name
      ORDER BY p.user_id`,
    [cycleId],
  );
  return rows.map((row) => ({
    id: row.user_id,
    name: row.name,
    affiliations: row.affiliations,
    province: row.province,
    declaredConflictEntryIds: row.conflicts,
  }));
}

/** Visits each person already makes in the stage, as panelist or evaluator. */
async function visitLoads(db: EntityManager, cycleId: string, stageKey: string): Promise<Record<string, number>> {
  const rows = await db.query<{ user_id: string; load: number }[]>(
    `SELECT user_id, count(*)::int AS load FROM (
       SELECT panelist_user_id AS user_id FROM field_visits WHERE cycle_id = $1 AND stage_key = $2
       UNION ALL SELECT evaluator_user_id FROM field_visits WHERE cycle_id = $1 AND stage_key = $2) visitors
      GROUP BY user_id`,
    [cycleId, stageKey],
  );
  return Object.fromEntries(rows.map((row) => [row.user_id, row.load]));
}

/** Visits as people read them, by day then entry; narrowed to a cycle, to ids, or to one visitor's own. */
async function fieldVisits(
  db: EntityManager,
  where: { cycleId?: string; ids?: string[]; visitor?: string },
): Promise<FieldVisitView[]> {
  const rows = await db.query<ViewRow[]>(
    `SELECT v.id, v.cycle_id, v.stage_key, v.entry_id, e.title, e.agency_code,
            to_char(v.visit_date, 'YYYY-MM-DD') AS visit_date, s.zone, v.mode, v.reason,
            v.panelist_user_id, p.display_name AS panelist_name, p.email AS panelist_email,
            v.evaluator_user_id, u.display_name AS evaluator_name, u.email AS evaluator_email,
            v.planned_by, v.planned_at, v.outcome, v.notes, v.outcome_by, v.outcome_at
       FROM field_visits v
       JOIN entries e ON e.id = v.entry_id
       JOIN cycle_stages s ON s.cycle_id = v.cycle_id AND s.key = v.stage_key
       JOIN users p ON p.id = v.panelist_user_id
       JOIN users u ON u.id = v.evaluator_user_id
      WHERE ($1::text IS NULL OR v.cycle_id = $1)
        AND ($2::uuid[] IS NULL OR v.id = ANY($2::uuid[]))
        AND ($3::uuid IS NULL OR v.panelist_user_id = $3 OR v.evaluator_user_id = $3)
      ORDER BY v.visit_date, v.entry_id`,
    [where.cycleId ?? null, where.ids ?? null, where.visitor ?? null],
  );
  return rows.map((row) => ({
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
  }));
}
