import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import { SEARCH_ATTRIBUTES } from '../domain/search-attributes';
import { ensureTemporalCli } from './temporal-cli';

export interface DevServerOptions {
  projectRoot: string;
  ip: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflow state across restarts; unset, the state lives in memory (test runs). */
  dbFile?: string;
  logFile: string;
  log?: (line: string) => void;
}

export interface RunningDevServer {
  address: string;
  uiUrl: string;
  /** The server's process id, for a benchmark's CPU figures; unknown when the SDK runs a downloaded server. */
  pid?: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;

/** Starts `temporal server start-dev` with Tahap's search attributes registered and waits until it answers. */
export async function startDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const cli = ensureTemporalCli(options.projectRoot, options.log);
  if (!cli) return startDownloadedDevServer(options);
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });
  mkdirSync(dirname(options.logFile), { recursive: true });
  const logFd = openSync(options.logFile, 'a');
  const args = [
    'server',
    'start-dev',
    '--ip',
    options.ip,
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    '--log-level',
    'warn',
    ...Object.values(SEARCH_ATTRIBUTES).flatMap((attribute) => [
      '--search-attribute',
      `${attribute.name}=${attribute.cliType}`,
    ]),
  ];
  // Its own process group: a Ctrl-C reaches only the parent, which stops the worker first and the server last.
  const child = spawn(cli, args, { stdio: ['ignore', logFd, logFd], detached: true });
  closeSync(logFd);
  const address = `${options.ip}:${options.port}`;
  await waitUntilServing(address, child, options.logFile);
  return {
    address,
    uiUrl: `http://${options.ip}:${options.uiPort}`,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

/** Resolves once the frontend at `address` answers; fails with the log's tail when `child` exits first or never answers. */
export async function waitUntilServing(
  address: string,
  child: ChildProcess,
  logFile: string,
  what = 'Temporal dev server',
): Promise<void> {
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      throw new Error(`${what} exited with code ${exited} before serving; its log:\n${tail(logFile)}`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  child.kill('SIGKILL');
  throw new Error(
    `${what} did not answer on ${address} within ${READY_TIMEOUT_MS / 1000}s; its log:\n${tail(logFile)}`,
  );
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '(no log)';
  }
}

/** SIGTERM, then SIGKILL after 10 s; resolves once the process has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Machines without the CLI and without Go: the SDK downloads the dev server itself (needs internet). */
async function startDownloadedDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  options.log?.('No temporal binary and no Go toolchain: letting the Temporal SDK download its dev server.');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: options.ip,
      port: options.port,
      ui: true,
      uiPort: options.uiPort,
      dbFilename: options.dbFile,
      searchAttributes: Object.values(SEARCH_ATTRIBUTES).map(({ name, type }) => ({ name, type })),
    },
  });
  return {
    address: `${options.ip}:${options.port}`,
    uiUrl: `http://${options.ip}:${options.uiPort}`,
    stop: () => env.teardown(),
  };
}
