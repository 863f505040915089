import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { writeWorkflowBundle } from '../../libs/audit/workflow-bundle';
import { startMailSink, type MailSink } from '../../libs/mail-sink';
import { openDatabase } from '../../libs/persistence';
import type { RunningPostgres } from '../../libs/persistence/embedded-postgres';
import {
  ensureTemporalCli,
  ensureTemporalServer,
  freePort,
  setupTemporalSchema,
  startTemporalServer,
  temporalDatabasesOn,
  type RunningTemporalServer,
} from '../../libs/temporal';
import { TahapProcess } from '../../test/support/process';
import { startBalancer, type Balancer } from './balancer';

export interface ProductionStackOptions {
  projectRoot: string;
  /** Logs and the server's config. */
  dir: string;
  /**
   * A superuser of the PostgreSQL everything lives on (trust or password in the URL); or a PostgreSQL of the stack's
   * own, started (and restarted by a fault run) by this function (scripts/stack/chaos.ts passes the embedded one).
   */
  postgres: { adminUrl: string } | { start: () => Promise<RunningPostgres> };
  /** Names the databases and roles (`<prefix>`, `<prefix>_temporal`, `<prefix>_visibility`, `<prefix>_owner`, …). */
  prefix: string;
  temporalPort: number;
  /** Where the balancer in front of the API replicas listens (0: any free port). */
  apiPort: number;
  workers: number;
  apis: number;
  /** Settings of both processes beyond the wiring (JWT_SECRET, TAHAP_ADMIN_*, SMTP_URL, …). */
  env: Record<string, string>;
  log?: (line: string) => void;
}

/** A replica of the API or the worker, which a fault run may kill and start again. */
export interface Replica {
  name: string;
  process: TahapProcess;
  start(): Promise<void>;
}

export interface ProductionStack {
  /** The balancer's origin: the portal at `/`, the API under `/api`. */
  origin: string;
  temporalAddress: string;
  /** The processes' role (not the owner of the tables) and the owner's, for migrations. */
  databaseUrl: string;
  databaseMigrationUrl: string;
  smtpUrl: string;
  workers: Replica[];
  apis: Replica[];
  /** Stops the Temporal server and starts it again on the same databases and port. */
  restartTemporal(): Promise<void>;
  /** Stops the stack's own PostgreSQL and starts it again on the same data (not a shared one). */
  restartPostgres(): Promise<void>;
  stop(options?: { drop?: boolean }): Promise<void>;
}

/**
 * docker-compose.yml's shape on one machine without Docker: the Temporal server binary with persistence and
 * visibility on PostgreSQL (its schema set up by its own SQL tool), Tahap's namespace and search attributes, a
 * database owned by one role and used by another that owns nothing (so it cannot switch off the audit log's
 * triggers, and has no UPDATE or DELETE on it), N workers on one task queue, and N API replicas behind one port.
 */
export async function startProductionStack(options: ProductionStackOptions): Promise<ProductionStack> {
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dir, { recursive: true });
  const binaries = ensureTemporalServer(options.projectRoot, log);
  const cli = ensureTemporalCli(options.projectRoot, log);
  if (!binaries || !cli) throw new Error('The production topology needs Go to build the Temporal server and CLI.');
  const own = 'start' in options.postgres ? options.postgres.start : undefined;
  let postgres: RunningPostgres | undefined = own ? await own() : undefined;
  const adminUrl = postgres
    ? postgres.url.replace(/\/[^/]*$/, '/postgres')
    : (options.postgres as { adminUrl: string }).adminUrl;
  const names = namesOf(options.prefix);
  const roleUrl = (role: string) => {
    const url = new URL(adminUrl);
    url.username = role;
    url.password = `${role}-password`;
    url.pathname = `/${names.database}`;
    return url.toString();
  };
  await provisionDatabase(adminUrl, names);
  log('Setting up the Temporal schema on PostgreSQL…');
  const databases = temporalDatabasesOn(adminUrl, names.temporal, names.visibility);
  await setupTemporalSchema(binaries.sqlTool, databases);
  const namespace = options.env.TEMPORAL_NAMESPACE ?? 'default';
  log('Starting the Temporal server…');
  const startTemporal = () =>
    startTemporalServer({
      binaries,
      databases,
      port: options.temporalPort,
      dir: join(options.dir, 'temporal'),
      namespace,
      cli,
    });
  let temporal: RunningTemporalServer = await startTemporal();
  const stops: (() => Promise<unknown>)[] = [() => temporal.stop()];
  const stop = async ({ drop = false } = {}) => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
    if (drop && !postgres) await dropDatabase(adminUrl, names);
    await postgres?.stop();
  };
  try {
    const databaseUrl = roleUrl(names.app);
    const databaseMigrationUrl = roleUrl(names.owner);
    // Migrated once here, before any replica starts (they would wait on the same advisory lock).
    const sinkDatabase: DataSource = await openDatabase(databaseMigrationUrl);
    stops.push(() => sinkDatabase.destroy());
    let smtpUrl = options.env.SMTP_URL;
    if (!smtpUrl) {
      const sink: MailSink = await startMailSink(sinkDatabase, { host: '127.0.0.1', port: 0 });
      stops.push(() => sink.stop());
      smtpUrl = sink.url;
    }
    // Bundled once for every replica, as an image would ship it: a worker killed and started again skips webpack.
    const workflowBundle =
      options.env.WORKFLOW_BUNDLE_PATH ?? (await writeWorkflowBundle(join(options.dir, 'workflow-bundle.js')));
    const env = {
      ...options.env,
      WORKFLOW_BUNDLE_PATH: workflowBundle,
      DATABASE_URL: databaseUrl,
      DATABASE_MIGRATION_URL: databaseMigrationUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: namespace,
      SMTP_URL: smtpUrl,
    };
    const replica = (name: string, entry: string, extra: Record<string, string>, ready: RegExp): Replica => {
      const replicaLog = join(options.dir, `${name}.log`);
      const handle: Replica = {
        name,
        process: new TahapProcess(entry, { ...env, ...extra }, replicaLog),
        // As compose's `restart: unless-stopped` and a Kubernetes restart policy do: a replica that exits while it
        // starts (Temporal or PostgreSQL restarting underneath it) is started again, a few times.
        start: async () => {
          for (let attempt = 1; ; attempt += 1) {
            handle.process = new TahapProcess(entry, { ...env, ...extra }, replicaLog);
            try {
              await handle.process.start(ready);
              return;
            } catch (error) {
              if (attempt >= 10) throw error;
              await new Promise((pause) => setTimeout(pause, 1_000));
            }
          }
        },
      };
      return handle;
    };
    const workers = Array.from({ length: options.workers }, (_, index) =>
      replica(`worker-${index + 1}`, 'apps/worker/main.ts', {}, /Worker polling task queue/),
    );
    const apiPorts = await Promise.all(Array.from({ length: options.apis }, () => freePort()));
    const apis = apiPorts.map((port, index) =>
      replica(
        `api-${index + 1}`,
        'apps/api/main.ts',
        { API_HOST: '127.0.0.1', API_PORT: String(port) },
        /Tahap API listening on http:\/\/[^\s"]+/,
      ),
    );
    log(`Starting ${workers.length} workers and ${apis.length} API replicas…`);
    stops.push(() => Promise.all([...apis, ...workers].map((each) => each.process.stop())));
    await Promise.all([...workers, ...apis].map((each) => each.start()));
    const balancer: Balancer = await startBalancer(options.apiPort, apiPorts);
    stops.push(() => balancer.close());
    return {
      origin: `http://127.0.0.1:${balancer.port}`,
      get temporalAddress() {
        return temporal.address;
      },
      databaseUrl,
      databaseMigrationUrl,
      smtpUrl,
      workers,
      apis,
      restartTemporal: async () => {
        await temporal.stop();
        temporal = await startTemporal();
      },
      restartPostgres: async () => {
        if (!postgres || !own) throw new Error('Only a PostgreSQL of the stack’s own can be restarted.');
        await postgres.stop();
        postgres = await own();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

type Names = { database: string; owner: string; app: string; temporal: string; visibility: string };

/**
 * The roles and Tahap's database, if missing: the owner migrates; the processes' role may read and write every table
 * the owner creates (default privileges), and the audit log's migration takes UPDATE and DELETE back from it.
 */
async function provisionDatabase(adminUrl: string, names: Names): Promise<void> {
  await withPg(adminUrl, async (pg) => {
    for (const role of [names.owner, names.app]) {
      const exists = await pg.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) await pg.query(`CREATE ROLE ${role} LOGIN PASSWORD '${role}-password'`);
    }
    const exists = await pg.query('SELECT 1 FROM pg_database WHERE datname = $1', [names.database]);
    if (exists.rowCount === 0) await pg.query(`CREATE DATABASE ${names.database} OWNER ${names.owner}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${names.database}`;
  await withPg(url.toString(), async (pg) => {
    await pg.query(`GRANT USAGE ON SCHEMA public TO ${names.app}`);
    await pg.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${names.owner} IN SCHEMA public
         GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${names.app}`,
    );
    await pg.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${names.owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${names.app}`,
    );
  });
}

/** Drops what `startProductionStack` provisioned under `prefix`: its three databases and two roles. */
export function dropProductionDatabases(adminUrl: string, prefix: string): Promise<void> {
  return dropDatabase(adminUrl, namesOf(prefix));
}

function namesOf(prefix: string): Names {
  return {
    database: prefix,
    owner: `${prefix}_owner`,
    app: `${prefix}_app`,
    temporal: `${prefix}_temporal`,
    visibility: `${prefix}_visibility`,
  };
}

async function dropDatabase(adminUrl: string, names: Names): Promise<void> {
  await withPg(adminUrl, async (pg) => {
    for (const database of [names.database, names.temporal, names.visibility])
      await pg.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    for (const role of [names.app, names.owner]) await pg.query(`DROP ROLE IF EXISTS ${role}`);
  });
}

/** One connection for `work`, closed after it; an 'error' it emits (its server restarting) fails only the query. */
export async function withPg<T>(url: string, work: (pg: PgClient) => Promise<T>): Promise<T> {
  const pg = new PgClient({ connectionString: url });
  // PostgreSQL restarting under a query ends the connection: the query fails (and is asked again), the client must
  // not also crash the process with the 'error' it emits.
  pg.on('error', () => undefined);
  await pg.connect();
  try {
    return await work(pg);
  } finally {
    await pg.end();
  }
}
