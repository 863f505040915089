import type { Db } from '../shared/db';

/** Recent failed sign-ins from one client address: the throttle's evidence. */
export interface LoginFailureCounts {
  /** To this account, within the account window. */
  pair: number;
  /** The latest of those, null when there are none. */
  lastPair: Date | null;
  /** To any account, within the client window. */
  client: number;
  /** The oldest of those, null when there are none. */
  oldestClient: Date | null;
}

export async function recentLoginFailures(
  tx: Db,
  email: string,
  client: string,
  windows: { accountMinutes: number; clientMinutes: number },
): Promise<LoginFailureCounts> {
  const [row] = await tx.query<LoginFailureCounts[]>(
    `SELECT count(*) FILTER (WHERE lower(email) = lower($1) AND at > now() - make_interval(mins => $3))::int AS pair,
            max(at) FILTER (WHERE lower(email) = lower($1) AND at > now() - make_interval(mins => $3)) AS "lastPair",
            count(*) FILTER (WHERE at > now() - make_interval(mins => $4))::int AS client,
            min(at) FILTER (WHERE at > now() - make_interval(mins => $4)) AS "oldestClient"
       FROM login_failures
      WHERE client = $2 AND at > now() - make_interval(mins => greatest($3, $4))`,
    [email, client, windows.accountMinutes, windows.clientMinutes],
  );
  return row;
}

/** Records a failure, and forgets the ones older than any throttle looks at. */
export async function recordLoginFailure(tx: Db, email: string, client: string, keepMinutes: number): Promise<void> {
  await tx.query('INSERT INTO login_failures (email, client) VALUES ($1, $2)', [email, client]);
  await tx.query(`DELETE FROM login_failures WHERE at < now() - make_interval(mins => $1)`, [keepMinutes]);
}

/** A sign-in that succeeded starts this account and client afresh. */
export async function forgetLoginFailures(tx: Db, email: string, client: string): Promise<void> {
  await tx.query('DELETE FROM login_failures WHERE lower(email) = lower($1) AND client = $2', [email, client]);
}
