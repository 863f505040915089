import { In } from 'typeorm';
import { CycleStageEntity, EntryEntity, ScreeningDecisionEntity, type ScreeningOutcome } from '../entities';
import type { Db } from '../shared/db';

/**
 * The cycle's screening stage row under an exclusive row lock until the transaction ends (the stage's close takes
 * it too), or null when the cycle has none.
 */
export function lockScreeningStage(tx: Db, cycleId: string): Promise<CycleStageEntity | null> {
  return tx.getRepository(CycleStageEntity).findOne({
    where: { cycleId, type: 'screening' },
    lock: { mode: 'pessimistic_write' },
  });
}

/** The cycle's active entries (all, or those among `ids`). */
export function activeEntries(db: Db, cycleId: string, ids?: string[]): Promise<EntryEntity[]> {
  return db.getRepository(EntryEntity).findBy({ cycleId, status: 'active', ...(ids ? { id: In(ids) } : {}) });
}

/** Admins' decisions: each replaces the entry's earlier decision. */
export async function saveAdminScreeningDecisions(
  tx: Db,
  decisions: Pick<
    ScreeningDecisionEntity,
    'entryId' | 'cycleId' | 'outcome' | 'reason' | 'decidedBy' | 'decidedByUser' | 'decidedAt'
  >[],
): Promise<void> {
  await tx.getRepository(ScreeningDecisionEntity).upsert(decisions, ['entryId']);
}

/** Rule failures decided "fail" by rule, now; an entry already decided keeps its decision. */
export async function recordRuleFailures(
  db: Db,
  cycleId: string,
  failures: { entryId: string; reason: string }[],
): Promise<void> {
  for (let start = 0; start < failures.length; start += 500) {
    await db
      .createQueryBuilder()
      .insert()
      .into(ScreeningDecisionEntity)
      .values(
        failures.slice(start, start + 500).map(({ entryId, reason }) => ({
          entryId,
          cycleId,
          outcome: 'fail' as const,
          reason,
          decidedBy: 'rule' as const,
          decidedAt: () => 'now()',
        })),
      )
      .orIgnore()
      .execute();
  }
}

/** Every active entry of the cycle still undecided gets this outcome by default, decided at `at`. */
export async function recordDefaultOutcomes(
  db: Db,
  cycleId: string,
  outcome: ScreeningOutcome,
  reason: string,
  at: string,
): Promise<void> {
  await db.query(
    `INSERT INTO screening_decisions (entry_id, cycle_id, outcome, reason, decided_by, decided_at)
     SELECT e.id, e.cycle_id, $2, $3, 'default', $4 FROM entries e
      WHERE e.cycle_id = $1 AND e.status = 'active'
     ON CONFLICT (entry_id) DO NOTHING`,
    [cycleId, outcome, reason, at],
  );
}
