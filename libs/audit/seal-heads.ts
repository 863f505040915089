import { ActivityCompletions, toNumber, type History } from './decision-events';

/** The audit log's last row as a seal saw it (seq and hash), kept in the sealing workflow's own history. */
export interface SealHead {
  /** The history event that holds it (the seal activity's completion). */
  eventId: number;
  seq: number;
  hash: string;
}

/** The seal itself, and (since the `entry-record-seals-stage` patch) a completed stage's record, which also seals. */
const SEALING_ACTIVITIES = new Set(['sealAuditTrail', 'recordEntryStageEvent']);

/** Every completed seal's head in a history, in order: anchors the audit log outside the database. */
export function sealHeads(history: History): SealHead[] {
  const activities = new ActivityCompletions();
  const heads: SealHead[] = [];
  for (const event of history.events ?? []) {
    const done = activities.observe(event);
    if (!done || !SEALING_ACTIVITIES.has(done.type)) continue;
    const { head } = (done.result ?? {}) as { head?: { seq: number; hash: string } | null };
    if (head) heads.push({ eventId: toNumber(event.eventId), seq: head.seq, hash: head.hash });
  }
  return heads;
}
