import type { EntityManager } from 'typeorm';
import { DomainError, ErrorCode, formatInZone, type Zone } from '../../domain';
import { CycleEntity, CycleStageEntity } from '../entities';

/**
 * Locks the cycle's submission stage row and refuses unless submission is open now. Registrations, edits and
 * withdrawals share the lock (FOR SHARE: they do not wait for each other); the cycle's close takes it exclusively,
 * so each is either in before the close or refused after it. Times in messages are in the caller's zone.
 */
export async function lockOpenSubmission(tx: EntityManager, cycle: CycleEntity, zone: Zone): Promise<CycleStageEntity> {
  const submission = await tx.getRepository(CycleStageEntity).findOneOrFail({
    where: { cycleId: cycle.id, type: 'submission' },
    lock: { mode: 'pessimistic_read' },
  });
  const [{ now, paused }] = await tx.query<{ now: Date; paused: boolean }[]>(
    'SELECT now() AS now, paused FROM cycles WHERE id = $1',
    [cycle.id],
  );
  if (submission.status === 'closed' || now >= submission.closesAt) {
    const closedAt = submission.closedAt ?? submission.closesAt;
    throw new DomainError(
      ErrorCode.RegistrationClosed,
      `Submission for ${cycle.id} closed at ${formatInZone(closedAt, zone)}.`,
    );
  }
  if (now < submission.opensAt) {
    throw new DomainError(
      ErrorCode.RegistrationNotOpen,
      `Submission for ${cycle.id} opens at ${formatInZone(submission.opensAt, zone)}.`,
    );
  }
  if (paused) {
    throw new DomainError(ErrorCode.CyclePaused, `${cycle.id} is paused by the ministry; try again when it resumes.`);
  }
  return submission;
}
