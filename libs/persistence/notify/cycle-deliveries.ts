import type { Db } from '../shared';

/** Deliveries of the cycle's notices (their keys start with the cycle's id) whose last round failed. */
export async function failedDeliveriesOf(db: Db, cycleId: string): Promise<number> {
  const [{ n }] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n
     FROM deliveries d JOIN notices n ON n.id = d.notice_id
     WHERE d.status = 'failed' AND n.key LIKE $1
       AND d.round = (SELECT max(round) FROM deliveries later WHERE later.notice_id = d.notice_id)`,
    [`${cycleId}/%`],
  );
  return n;
}
