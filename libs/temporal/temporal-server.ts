import { execFile, execFileSync, spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { stopChild, waitUntilServing } from './dev-server';
import { hasGo, isExecutable, toolsBinDir, userCacheRoot } from './temporal-cli';

/** The server release docker-compose.yml runs (`temporalio/server`); a test keeps the two equal. */
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';
/** The binaries as Go names them (after their folders) and as Tahap keeps them. */
const BINARIES = [
  { module: `${MODULE}/cmd/server`, built: 'server', kept: 'temporal-server' },
  { module: `${MODULE}/cmd/tools/sql`, built: 'sql', kept: 'temporal-sql-tool' },
] as const;

export interface TemporalServerBinaries {
  server: string;
  sqlTool: string;
}

/** Kept once per user by version, like the CLI: a CI clone on the same machine reuses the build. */
function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(userCacheRoot(env), `temporal-server-v${TEMPORAL_SERVER_VERSION}`);
}

/**
 * The Temporal server and its SQL schema tool: reused from `.tools/bin` or the per-user cache, else built with Go
 * (CGO off) into `.tools/bin` and kept in the cache. Undefined without Go.
 */
export function ensureTemporalServer(
  projectRoot: string,
  log: (line: string) => void = console.log,
): TemporalServerBinaries | undefined {
  const find = (name: string) =>
    [join(toolsBinDir(projectRoot), name), join(userCacheDir(), name)].find((path) => isExecutable(path));
  const found = { server: find('temporal-server'), sqlTool: find('temporal-sql-tool') };
  if (found.server && found.sqlTool) return { server: found.server, sqlTool: found.sqlTool };
  if (!hasGo()) return undefined;
  const bin = toolsBinDir(projectRoot);
  mkdirSync(bin, { recursive: true });
  for (const binary of BINARIES) {
    log(
      `Building ${binary.kept} with Go (${binary.module}@v${TEMPORAL_SERVER_VERSION}); the first build takes minutes…`,
    );
    execFileSync('go', ['install', `${binary.module}@v${TEMPORAL_SERVER_VERSION}`], {
      stdio: 'inherit',
      env: { ...process.env, CGO_ENABLED: '0', GOBIN: bin, GOFLAGS: '-mod=mod' },
    });
    copyFileSync(join(bin, binary.built), join(bin, binary.kept));
    try {
      mkdirSync(userCacheDir(), { recursive: true });
      copyFileSync(join(bin, binary.built), join(userCacheDir(), binary.kept));
    } catch (error) {
      log(`${binary.kept} was not kept in ${userCacheDir()} for other checkouts: ${String(error)}`);
    }
  }
  return { server: join(bin, 'temporal-server'), sqlTool: join(bin, 'temporal-sql-tool') };
}

/** Where the server keeps its state: two databases on one PostgreSQL, as docker-compose.yml does. */
export interface TemporalDatabases {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Histories, tasks, namespaces. */
  database: string;
  /** Visibility (workflow lists and search attributes). */
  visibilityDatabase: string;
}

/** Both databases on the PostgreSQL server a superuser URL names, reached as that user. */
export function temporalDatabasesOn(adminUrl: string, database: string, visibilityDatabase: string): TemporalDatabases {
  const admin = new URL(adminUrl);
  return {
    host: admin.hostname,
    port: Number(admin.port || 5432),
    user: decodeURIComponent(admin.username),
    password: decodeURIComponent(admin.password),
    database,
    visibilityDatabase,
  };
}

/**
 * Creates both databases if missing and brings their schemas to this release's, with the server's own SQL tool and
 * the schemas built into it: what compose's temporal-admin-tools step does. Rerunning changes nothing.
 */
export async function setupTemporalSchema(sqlTool: string, databases: TemporalDatabases): Promise<void> {
  const run = (database: string, ...args: string[]) =>
    promisify(execFile)(sqlTool, [
      '--plugin',
      'postgres12',
      '--ep',
      databases.host,
      '-p',
      String(databases.port),
      '-u',
      databases.user,
      ...(databases.password ? ['--pw', databases.password] : []),
      '--db',
      database,
      ...args,
    ]);
  for (const [database, schema] of [
    [databases.database, 'postgresql/v12/temporal'],
    [databases.visibilityDatabase, 'postgresql/v12/visibility'],
  ] as const) {
    await run(database, 'create');
    await run(database, 'setup-schema', '-v', '0.0');
    await run(database, 'update-schema', '--schema-name', schema);
  }
}

/** A base port whose server ports (+0 to +3, +10, +100 to +103) are all free on 127.0.0.1. */
export async function freeServerPortBase(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((answer) => {
      const server = createServer();
      server.once('error', () => answer(false));
      server.listen(port, '127.0.0.1', () => server.close(() => answer(true)));
    });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    // Below 32,668: the server keeps its membership port in a smallint column.
    const base = 20_000 + Math.floor(Math.random() * 12_000);
    const ports = [0, 1, 2, 3, 10, 100, 101, 102, 103].map((offset) => base + offset);
    if ((await Promise.all(ports.map(free))).every(Boolean)) return base;
  }
  throw new Error('No free range of ports for the Temporal server.');
}

export interface TemporalServerOptions {
  binaries: TemporalServerBinaries;
  databases: TemporalDatabases;
  /** Frontend gRPC port; the other services take the next ports (+1 to +3, +10, +100 to +103), all below 32,768. */
  port: number;
  /** Its config folder and log. */
  dir: string;
  /** Tahap's namespace, created with its search attributes once the server answers. */
  namespace: string;
  /** The Temporal CLI, for the namespace and search attributes (the server binary has no admin commands). */
  cli: string;
}

export interface RunningTemporalServer {
  address: string;
  pid?: number;
  stop(): Promise<void>;
}

/**
 * The Temporal server as production runs it, its four services in one process, persistence and visibility on
 * PostgreSQL; then Tahap's namespace and search attributes, registered as compose's setup step registers them.
 */
export async function startTemporalServer(options: TemporalServerOptions): Promise<RunningTemporalServer> {
  const configDir = join(options.dir, 'config');
  mkdirSync(configDir, { recursive: true });
  const dynamicConfig = join(configDir, 'dynamicconfig.yaml');
  writeFileSync(dynamicConfig, '{}\n');
  writeFileSync(join(configDir, 'production.yaml'), serverConfig(options, dynamicConfig));
  const logFile = join(options.dir, 'temporal-server.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    options.binaries.server,
    ['--root', options.dir, '--config', 'config', '--env', 'production', '--allow-no-auth', 'start'],
    { stdio: ['ignore', logFd, logFd], detached: true },
  );
  closeSync(logFd);
  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, child, logFile, 'Temporal server');
  await registerNamespace(options.cli, address, options.namespace);
  return { address, pid: child.pid, stop: () => stopChild(child) };
}

async function registerNamespace(cli: string, address: string, namespace: string): Promise<void> {
  const temporal = (...args: string[]) =>
    promisify(execFile)(cli, [...args, '--address', address, '--namespace', namespace]);
  await temporal('operator', 'namespace', 'describe').catch(() =>
    temporal('operator', 'namespace', 'create', '--retention', '72h'),
  );
  // A namespace just created reaches every service of the server within its refresh interval.
  for (let attempt = 1; ; attempt += 1) {
    try {
      for (const attribute of Object.values(SEARCH_ATTRIBUTES)) {
        const listed = await temporal('operator', 'search-attribute', 'list');
        if (!new RegExp(`\\b${attribute.name}\\b`).test(listed.stdout))
          await temporal(
            'operator',
            'search-attribute',
            'create',
            '--name',
            attribute.name,
            '--type',
            attribute.cliType,
          );
      }
      // What compose's setup step waits for too: a query over every attribute is accepted.
      const query = Object.values(SEARCH_ATTRIBUTES)
        .map((attribute) => `\`${attribute.name}\` = ${attribute.cliType === 'Int' ? 0 : "'probe'"}`)
        .join(' AND ');
      await temporal('workflow', 'list', '--query', query, '--limit', '1');
      return;
    } catch (error) {
      if (attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

function serverConfig({ databases, port }: TemporalServerOptions, dynamicConfig: string): string {
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${databases.host}:${databases.port}"
        connectProtocol: tcp
        user: ${databases.user}
        password: "${databases.password}"
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
  const service = (offset: number) => `
    rpc:
      grpcPort: ${port + offset}
      membershipPort: ${port + 100 + offset}
      bindOnLocalHost: true`;
  return `# Written by libs/temporal/temporal-server.ts: docker-compose.yml's server, on this machine.
log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:${store(databases.database, 20)}
    visibility:${store(databases.visibilityDatabase, 5)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
  frontend:${service(0)}
      httpPort: ${port + 10}
  history:${service(1)}
  matching:${service(2)}
  worker:${service(3)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${port}
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: ${dynamicConfig}
  pollInterval: 60s
`;
}
