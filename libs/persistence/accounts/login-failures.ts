import type { Db } from '../shared/db';

/** Recent failed sign-ins to the account and from the client: the throttle's evidence. */
export interface LoginFailureCounts {
  account: number;
  client: number;
  /** The oldest of them, null when there are none. */
  oldest: Date | null;
}

export async function recentLoginFailures(
  tx: Db,
  email: string,
  client: string,
  windowMinutes: number,
): Promise<LoginFailureCounts> {
  const [row] = await tx.query<LoginFailureCounts[]>(
    `SELECT count(*) FILTER (WHERE lower(email) = lower($1))::int AS account,
            count(*) FILTER (WHERE client = $2)::int AS client,
            min(at) FILTER (WHERE lower(email) = lower($1) OR client = $2) AS oldest
       FROM login_failures
      WHERE at > now() - make_interval(mins => $3) AND (lower(email) = lower($1) OR client = $2)`,
    [email, client, windowMinutes],
  );
  return row;
}

export async function recordLoginFailure(tx: Db, email: string, client: string): Promise<void> {
  await tx.query('INSERT INTO login_failures (email, client) VALUES ($1, $2)', [email, client]);
}
