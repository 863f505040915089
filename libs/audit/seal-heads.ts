import { ActivityCompletions, toNumber, type History } from './decision-events';

/** The audit log's last row as a seal saw it (seq and hash), kept in the sealing workflow's own history. */
export interface SealHead {
  /** The history event that holds it (the seal activity's completion). */
  eventId: number;
  seq: number;
  hash: string;
}

const SEAL_ACTIVITY = 'sealAuditTrail';

/** Every completed seal's head in a history, in order: anchors the audit log outside the database. */
export function sealHeads(history: History): SealHead[] {
  const activities = new ActivityCompletions();
  const heads: SealHead[] = [];
  for (const event of history.events ?? []) {
    const done = activities.observe(event);
    if (done?.type !== SEAL_ACTIVITY) continue;
    const { head } = (done.result ?? {}) as { head?: { seq: number; hash: string } | null };
    if (head) heads.push({ eventId: toNumber(event.eventId), seq: head.seq, hash: head.hash });
  }
  return heads;
}
