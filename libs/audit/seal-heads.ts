import { decodePayloads, toNumber, type History } from './decision-events';

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
  const seals = new Set<number>();
  const heads: SealHead[] = [];
  for (const event of history.events ?? []) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === SEAL_ACTIVITY) seals.add(toNumber(event.eventId));
    const completed = event.activityTaskCompletedEventAttributes;
    if (!completed || !seals.has(toNumber(completed.scheduledEventId))) continue;
    const [result] = decodePayloads(completed.result) as [{ head?: { seq: number; hash: string } | null } | undefined];
    if (result?.head) heads.push({ eventId: toNumber(event.eventId), seq: result.head.seq, hash: result.head.hash });
  }
  return heads;
}
