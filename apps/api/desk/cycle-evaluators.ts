import type { EntityManager } from 'typeorm';

export interface CycleEvaluatorView {
  userId: string;
  email: string;
  name: string;
  affiliations: string[];
  province: string | null;
  zone: string;
  language: string;
  addedAt: Date;
  /** Entries currently assigned to them in the cycle. */
  load: number;
}

/** A cycle's evaluators (or the ones named) as admins and auditors read them, with their current loads. */
export function cycleEvaluators(db: EntityManager, cycleId: string, only?: string[]): Promise<CycleEvaluatorView[]> {
  return db.query(
    `SELECT ce.user_id AS "userId", u.email, u.display_name AS "name", ce.affiliations, ce.province, ce.zone,
            ce.language, ce.added_at AS "addedAt",
            (SELECT count(*)::int FROM desk_assignments d
              WHERE d.cycle_id = ce.cycle_id AND d.user_id = ce.user_id AND d.ended_at IS NULL) AS "load"
       FROM cycle_evaluators ce JOIN users u ON u.id = ce.user_id
      WHERE ce.cycle_id = $1 AND ($2::uuid[] IS NULL OR ce.user_id = ANY($2))
      ORDER BY u.email`,
    [cycleId, only ?? null],
  );
}
