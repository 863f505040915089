import type { Db } from '../shared/db';

/** One entry an evaluator has to score in an open desk stage, with their latest sheet of it (if any). */
export interface EvaluatorQueueRow {
  cycleId: string;
  programme: string;
  year: number;
  stageKey: string;
  stageName: string;
  closesAt: Date;
  /** Set when this evaluator may score after the stage's deadline. */
  dueAt: Date | null;
  entryId: string;
  title: string;
  group: string;
  cluster: string;
  agencyCode: string;
  agencyName: string;
  province: string;
  region3T: boolean;
  /**
   * Whether the entry's workflow has taken up the stage (its row's `current_stage`, which an activity writes once the
   * workflow has recorded the opening). When a stage opens for thousands of entries they hear of it over minutes,
   * and a sheet sent before is refused as "not open for this entry".
   */
  ready: boolean;
  /** Their latest version of the sheet; null before the first. */
  version: number | null;
  weighted: string | null;
  scoredAt: Date | null;
}

/**
 * An evaluator's work: their current assignments of active entries in desk stages that are open now, across cycles,
 * by cycle and stage, entries not yet scored first.
 */
export function evaluatorQueue(db: Db, userId: string): Promise<EvaluatorQueueRow[]> {
  return db.query<EvaluatorQueueRow[]>(
    `SELECT d.cycle_id AS "cycleId", c.programme, c.year, d.stage_key AS "stageKey", s.name AS "stageName",
            s.closes_at AS "closesAt", d.due_at AS "dueAt", e.id AS "entryId", e.title, e.group_key AS "group",
            e.cluster, e.agency_code AS "agencyCode", a.name AS "agencyName", a.province, a.region_3t AS "region3T",
            e.current_stage = d.stage_key AS ready,
            latest.version, latest.weighted, latest.submitted_at AS "scoredAt"
       FROM desk_assignments d
       JOIN cycle_stages s ON s.cycle_id = d.cycle_id AND s.key = d.stage_key AND s.status = 'open'
       JOIN cycles c ON c.id = d.cycle_id
       JOIN entries e ON e.id = d.entry_id AND e.status = 'active'
       JOIN agencies a ON a.code = e.agency_code
       LEFT JOIN LATERAL (
             SELECT x.version, x.weighted, x.submitted_at FROM desk_scores x
              WHERE x.entry_id = d.entry_id AND x.stage_key = d.stage_key AND x.user_id = d.user_id
              ORDER BY x.version DESC LIMIT 1) latest ON true
      WHERE d.user_id = $1 AND d.ended_at IS NULL
      ORDER BY c.created_at DESC, d.cycle_id, d.stage_key, latest.version IS NOT NULL, e.title, e.id`,
    [userId],
  );
}
