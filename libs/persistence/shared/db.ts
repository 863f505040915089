import type { EntityManager } from 'typeorm';

/**
 * What code outside `libs/persistence` holds to reach the database: the feature stores' first argument, in or out
 * of a transaction. Callers run no SQL and open no repositories with it; they pass it to a store function, or open
 * a transaction with `inTransaction`.
 */
export type Db = EntityManager;

/** Runs `work` in one transaction: everything done through `tx` commits together or not at all. */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/** The database's clock: the instant a transaction started, the same one every row it writes carries. */
export async function databaseNow(db: Db): Promise<Date> {
  const [{ now }] = await db.query<{ now: Date }[]>('SELECT now() AS now');
  return now;
}
