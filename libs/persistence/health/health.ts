import type { Db } from '../shared/db';

/** How many migrations the database has applied; fails when PostgreSQL does not answer. */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const [{ migrations }] = await db.query<{ migrations: number }[]>(
    'SELECT count(*)::int AS migrations FROM migrations',
  );
  return migrations;
}
