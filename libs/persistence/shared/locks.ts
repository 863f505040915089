import type { EntityManager } from 'typeorm';
import { CycleStageEntity } from '../entities';

/**
 * Every transaction-scoped advisory lock Tahap takes, by namespace. A lock is the pair (namespace, hashtext(key)),
 * PostgreSQL's two-key form: two namespaces never collide however their keys hash, and the two-key space is apart
 * from the one-key locks (`FIXED_LOCKS`), so none of them can block another by accident.
 */
export const LockNamespace = {
  Selection: 1,
  DeskAssignment: 2,
  DeskScore: 3,
  InterviewSchedule: 4,
  /** An agency's interviews across cycles: one agency cannot present twice at the same time. */
  AgencyPresentations: 5,
  FieldVisits: 6,
  NoticeResend: 7,
  TemplateKey: 8,
  AccountEmail: 9,
  InterviewScore: 10,
  /** A cycle's public objections: filed one at a time, so a burst cannot slip past the filing limits. */
  ObjectionFiling: 11,
} as const;
export type LockNamespace = (typeof LockNamespace)[keyof typeof LockNamespace];

/** Locks held by a single fixed number (one-key form), for whole-database jobs. */
export const FIXED_LOCKS = {
  /**
   * Serialises writers of the hash-chained audit log. Advisory rather than LOCK TABLE: a table lock in a writer's
   * mode needs UPDATE or DELETE privilege, which the application's role must not have on that table.
   */
  auditLogWriter: 8_785_001,
  /** Serialises migrations when several processes start at once. */
  migrations: 7_346_210,
} as const;

/** Takes the (namespace, key) lock until the transaction ends; `key` is any text naming what is guarded. */
export async function advisoryLock(tx: EntityManager, namespace: LockNamespace, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [namespace, key]);
}

/**
 * Reads a cycle's stage row under a row lock until the transaction ends: `share` for writers that need the stage to
 * stay as it is (a score, a booking), `update` for the cycle's own open and close, which wait for those writers.
 * Returns null when the cycle has no such stage.
 */
export async function lockStage(
  tx: EntityManager,
  cycleId: string,
  stageKey: string,
  mode: 'share' | 'update',
): Promise<CycleStageEntity | null> {
  return tx.getRepository(CycleStageEntity).findOne({
    where: { cycleId, key: stageKey },
    lock: { mode: mode === 'share' ? 'pessimistic_read' : 'pessimistic_write' },
  });
}
