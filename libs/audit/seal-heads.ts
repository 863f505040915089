import { ActivityCompletions, toNumber, type History } from './decision-events';

/** The audit log's last row as a seal saw it (seq and hash), kept in the sealing workflow's own history. */
export interface SealHead {
  /** The history event that holds it (the seal activity's completion). */
  eventId: number;
  seq: number;
  hash: string;
}

/**
 * Whether a completed activity sealed: the seal itself, or (since the `entry-record-seals-stage` patch) a completed
 * stage's record asked to seal too.
 */
function sealed(done: { type: string; args: unknown[] }): boolean {
  if (done.type === 'sealAuditTrail') return true;
  return done.type === 'recordEntryStageEvent' && !!(done.args[0] as { sealFor?: unknown } | undefined)?.sealFor;
}

/** Every completed seal's head in a history, in order: anchors the audit log outside the database. */
export function sealHeads(history: History): SealHead[] {
  const activities = new ActivityCompletions();
  const heads: SealHead[] = [];
  for (const event of history.events ?? []) {
    const done = activities.observe(event);
    if (!done || !sealed(done)) continue;
    const { head } = (done.result ?? {}) as { head?: { seq: number; hash: string } | null };
    if (head) heads.push({ eventId: toNumber(event.eventId), seq: head.seq, hash: head.hash });
  }
  return heads;
}
