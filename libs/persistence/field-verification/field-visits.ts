import type { AssignableEvaluator, FieldVisitMode, FieldVisitOutcome, Language, Zone } from '../../domain';
import { CycleStageEntity } from '../entities';
import type { Db } from '../shared/db';

/** A row of `field_visits`. */
export interface FieldVisitRow {
  id: string;
  cycle_id: string;
  stage_key: string;
  entry_id: string;
  panelist_user_id: string;
  evaluator_user_id: string;
  /** `YYYY-MM-DD`, a day in the stage's zone. */
  visit_date: string;
  mode: FieldVisitMode;
  reason: string;
  planned_by: string;
  planned_at: Date;
  outcome: FieldVisitOutcome | null;
  notes: string | null;
  outcome_by: string | null;
  outcome_at: Date | null;
}

/** A visit as people read it: the row with its entry, its stage's zone and both visitors. */
export type FieldVisitViewRow = Omit<FieldVisitRow, 'mode' | 'outcome'> & {
  mode: string;
  outcome: string | null;
  title: string;
  agency_code: string;
  zone: Zone;
  panelist_name: string;
  panelist_email: string;
  evaluator_name: string;
  evaluator_email: string;
};

/** A planned visit with what its notices say and whom they reach. */
export interface PlannedVisitNoticeRow {
  id: string;
  title: string;
  agency_code: string;
  visit_date: string;
  mode: FieldVisitMode;
  stage_zone: Zone;
  closes_at: Date;
  panelist_id: string;
  panelist_email: string;
  panelist_name: string;
  evaluator_id: string;
  evaluator_email: string;
  evaluator_name: string;
  evaluator_language: Language | null;
  evaluator_zone: Zone | null;
}

/** What a plan inserts per visit. */
export interface NewFieldVisit {
  entryId: string;
  panelistId: string;
  evaluatorId: string;
  date: string;
  mode: string;
  reason: string;
}

/** The cycle's field-verification stages. */
export async function fieldVerificationStages(db: Db, cycleId: string): Promise<CycleStageEntity[]> {
  return db.getRepository(CycleStageEntity).findBy({ cycleId, type: 'field-verification' });
}

/** The entries with these ids, wherever they are, with their cycle and status. */
export async function entriesToVisit(
  db: Db,
  entryIds: string[],
): Promise<{ id: string; cycle_id: string; status: string }[]> {
  return db.query(`SELECT id, cycle_id, status FROM entries WHERE id = ANY($1::uuid[])`, [entryIds]);
}

/** Visits already planned in the stage for any of these entries. */
export async function visitsPlannedFor(
  db: Db,
  stage: { cycleId: string; key: string },
  entryIds: string[],
): Promise<{ entry_id: string; id: string; visit_date: string }[]> {
  return db.query(
    `SELECT entry_id, id, to_char(visit_date, 'YYYY-MM-DD') AS visit_date FROM field_visits
      WHERE cycle_id = $1 AND stage_key = $2 AND entry_id = ANY($3::uuid[])`,
    [stage.cycleId, stage.key, entryIds],
  );
}

/**
 * The cycle's panelists (TPI) as conflict rules see them: what they declared for any of the cycle's interview
 * panels (affiliations of all together), and the conflicts they declared on entries.
 */
export async function cyclePanelists(db: Db, cycleId: string): Promise<AssignableEvaluator[]> {
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
export async function visitLoads(db: Db, cycleId: string, stageKey: string): Promise<Record<string, number>> {
  const rows = await db.query<{ user_id: string; load: number }[]>(
    `SELECT user_id, count(*)::int AS load FROM (
       SELECT panelist_user_id AS user_id FROM field_visits WHERE cycle_id = $1 AND stage_key = $2
       UNION ALL SELECT evaluator_user_id FROM field_visits WHERE cycle_id = $1 AND stage_key = $2) visitors
      GROUP BY user_id`,
    [cycleId, stageKey],
  );
  return Object.fromEntries(rows.map((row) => [row.user_id, row.load]));
}

/** Inserts the visits of a plan; answers their ids. */
export async function insertFieldVisits(
  tx: Db,
  stage: { cycleId: string; key: string },
  visits: NewFieldVisit[],
  plannedBy: string,
): Promise<string[]> {
  const rows = await tx.query<{ id: string }[]>(
    `INSERT INTO field_visits
       (cycle_id, stage_key, entry_id, panelist_user_id, evaluator_user_id, visit_date, mode, reason, planned_by)
     SELECT $1, $2, unnest($3::uuid[]), unnest($4::uuid[]), unnest($5::uuid[]), unnest($6::date[]),
            unnest($7::text[]), unnest($8::text[]), $9
     RETURNING id`,
    [
      stage.cycleId,
      stage.key,
      visits.map((visit) => visit.entryId),
      visits.map((visit) => visit.panelistId),
      visits.map((visit) => visit.evaluatorId),
      visits.map((visit) => visit.date),
      visits.map((visit) => visit.mode),
      visits.map((visit) => visit.reason),
      plannedBy,
    ],
  );
  return rows.map((row) => row.id);
}

/** Visitors read the entries they verify, as evaluators read those they score. */
export async function grantVisitorsAccess(tx: Db, visits: NewFieldVisit[]): Promise<void> {
  await tx.query(
    `INSERT INTO entry_assignments (entry_id, user_id, role)
     SELECT unnest($1::uuid[]), unnest($2::uuid[]), 'panelist'
     UNION ALL SELECT unnest($1::uuid[]), unnest($3::uuid[]), 'evaluator'
     ON CONFLICT DO NOTHING`,
    [
      visits.map((visit) => visit.entryId),
      visits.map((visit) => visit.panelistId),
      visits.map((visit) => visit.evaluatorId),
    ],
  );
}

/** The visit under a row lock until the transaction ends, or null when there is none. */
export async function lockFieldVisit(
  tx: Db,
  visitId: string,
): Promise<Pick<
  FieldVisitRow,
  'cycle_id' | 'stage_key' | 'panelist_user_id' | 'evaluator_user_id' | 'outcome' | 'outcome_at'
> | null> {
  const [visit] = await tx.query<FieldVisitRow[]>(
    `SELECT cycle_id, stage_key, panelist_user_id, evaluator_user_id, outcome, outcome_at
       FROM field_visits WHERE id = $1 FOR UPDATE`,
    [visitId],
  );
  return visit ?? null;
}

/** Records the visit's outcome, once: a visit that has one keeps it. */
export async function recordFieldVisitOutcome(
  tx: Db,
  visitId: string,
  outcome: { outcome: string; notes: string; by: string },
): Promise<void> {
  await tx.query(
    `UPDATE field_visits SET outcome = $2, notes = $3, outcome_by = $4, outcome_at = now()
      WHERE id = $1 AND outcome IS NULL`,
    [visitId, outcome.outcome, outcome.notes, outcome.by],
  );
}

/** Visits as people read them, by day then entry; narrowed to a cycle, to ids, or to one visitor's own. */
export async function fieldVisitViews(
  db: Db,
  where: { cycleId?: string; ids?: string[]; visitor?: string },
): Promise<FieldVisitViewRow[]> {
  return db.query<FieldVisitViewRow[]>(
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
}

/** The planned visits among these ids, with what their notices need, by id. */
export async function plannedVisitsToTell(
  db: Db,
  cycleId: string,
  visitIds: string[],
): Promise<PlannedVisitNoticeRow[]> {
  return db.query<PlannedVisitNoticeRow[]>(
    `SELECT v.id, e.title, e.agency_code, to_char(v.visit_date, 'YYYY-MM-DD') AS visit_date, v.mode,
            s.zone AS stage_zone, s.closes_at,
            p.id AS panelist_id, p.email AS panelist_email, p.display_name AS panelist_name,
            u.id AS evaluator_id, u.email AS evaluator_email, u.display_name AS evaluator_name,
            ce.language AS evaluator_language, ce.zone AS evaluator_zone
       FROM field_visits v
       JOIN entries e ON e.id = v.entry_id
       JOIN cycle_stages s ON s.cycle_id = v.cycle_id AND s.key = v.stage_key
       JOIN users p ON p.id = v.panelist_user_id
       JOIN users u ON u.id = v.evaluator_user_id
       LEFT JOIN cycle_evaluators ce ON ce.cycle_id = v.cycle_id AND ce.user_id = v.evaluator_user_id
      WHERE v.cycle_id = $1 AND v.id = ANY($2::uuid[])
      ORDER BY v.id`,
    [cycleId, visitIds],
  );
}
