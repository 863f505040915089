import { Client } from 'pg';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, uniquely named database on a server we may create databases on, for a test run or a benchmark; `drop`
 * removes it whatever is still connected. `setting` names the variable that points at the server, for the error.
 */
export async function createScratchDatabase(adminUrl: string, name: string, setting: string): Promise<ScratchDatabase> {
  await asAdmin(adminUrl, setting, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropScratchDatabase(adminUrl, name, setting) };
}

/** Drops a database made for a run (by `createScratchDatabase` or by a tool such as Temporal's), whoever is connected. */
export function dropScratchDatabase(adminUrl: string, name: string, setting: string): Promise<void> {
  return asAdmin(adminUrl, setting, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function asAdmin(adminUrl: string, setting: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`A PostgreSQL server is needed at ${adminUrl} (set ${setting}): ${String(error)}`, {
      cause: error,
    });
  }
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
