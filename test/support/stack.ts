import { Client, Connection } from '@temporalio/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { API_PREFIX } from '../../apps/api/portal/api-prefix';
import { createDataSource } from '../../libs/persistence';
import { TahapProcess } from './process';
import { TEST_ENV, testEnv } from './test-env';

/** Who a test request is sent as: a login token, an agency API key, or nobody. */
export type Caller = { token: string } | { apiKey: string } | 'anonymous';

export const TEST_ADMIN = { email: 'admin@tahap.test', password: 'admin-password-for-tests' };
/** Fixed per run, so every suite's API process accepts the same tokens. */
export const JWT_SECRET = 'tahap-test-secret-0123456789abcdef0123456789abcdef';

const WORKER_READY = /Worker polling task queue/;

/**
 * The environment of Tahap's processes in a test run: the run's Temporal server, database, SMTP sink, workflow bundle
 * and portal build; `extra` adds to or overrides it.
 */
export function tahapTestEnv(taskQueue: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: testEnv('databaseUrl'),
    TEMPORAL_ADDRESS: testEnv('temporalAddress'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    WORKFLOW_BUNDLE_PATH: testEnv('workflowBundle'),
    WEB_DIR: join(testEnv('build'), 'web'),
    JWT_SECRET,
    TAHAP_ADMIN_EMAIL: TEST_ADMIN.email,
    TAHAP_ADMIN_PASSWORD: TEST_ADMIN.password,
    SMTP_URL: testEnv('smtpUrl'),
    // The suites' webhook receivers listen on 127.0.0.1; the SSRF suite turns this off again.
    WEBHOOKS_ALLOW_PRIVATE: 'true',
    NOTIFY_RETRY_INITIAL_SECONDS: '1',
    NOTIFY_SEND_TIMEOUT_SECONDS: '5',
    // A suite's end stops its worker with activities still waiting on calendars; a drain of the default 20 s each
    // would be spent for every suite with a worker of its own, for nothing the suites look at.
    WORKER_SHUTDOWN_GRACE_SECONDS: '2',
    ...extra,
  };
}

/** Starts an API and a worker on `taskQueue`; resolves with both and where the API listens. */
export async function startTahap(
  taskQueue: string,
  env: Record<string, string>,
  logFile: (name: 'api' | 'worker') => string,
): Promise<{ api: TahapProcess; worker: TahapProcess; origin: string }> {
  const api = new TahapProcess('apps/api/main.ts', { ...env, API_PORT: '0' }, logFile('api'));
  const worker = new TahapProcess('apps/worker/main.ts', env, logFile('worker'));
  try {
    const [, listening] = await Promise.all([
      worker.start(WORKER_READY),
      api.start(/Tahap API listening on (http:\/\/[^\s"]+)/),
    ]);
    return { api, worker, origin: listening[1] };
  } catch (error) {
    // The one that did start is not left running.
    await Promise.all([api.stop(), worker.stop()]);
    throw error;
  }
}

/**
 * Tahap as it runs in production: the API and the worker as their own processes, against the run's Temporal
 * server and database.
 * - `Stack.shared()`: the API and worker the global setup started for this jest worker (one pair per jest worker,
 *   so one suite at a time uses each). Starting and stopping a pair costs about 6 CPU-seconds, which thirty suites
 *   would otherwise each pay. Workflows a suite leaves running go on in the pair's worker, so suites keep to their
 *   own cycle years and agencies.
 * - `new Stack(taskQueue, extra)`: processes of the suite's own on its own task queue, for a suite that changes
 *   their environment, stops or restarts the worker, or reads their logs.
 */
export class Stack {
  /** Where the portal is (`/`); the API is under `${origin}/api`. */
  origin = '';
  baseUrl = '';
  /** The admin's login; `request` sends as the admin unless told otherwise. */
  admin!: Caller;
  client!: Client;
  db!: DataSource;
  private api?: TahapProcess;
  private worker?: TahapProcess;

  /** `extra` adds to or overrides the environment of both processes (e.g. WEBHOOKS_ALLOW_PRIVATE). */
  constructor(
    private readonly taskQueue: string,
    private readonly extra: Record<string, string> = {},
    private readonly shared = false,
  ) {}

  /** The API and worker the run shares with the suites before and after this one on the same jest worker. */
  static shared(): Stack {
    return new Stack(sharedTaskQueue(), {}, true);
  }

  private env(extra: Record<string, string> = {}): Record<string, string> {
    return tahapTestEnv(this.taskQueue, { ...this.extra, ...extra });
  }

  private logFile(name: string): string {
    return join(testEnv('scratch'), `${this.taskQueue}-${name}.log`);
  }

  /** What the process has written so far (`api` or `worker`). */
  log(name: 'api' | 'worker'): string {
    this.mustOwnProcesses('read their logs');
    return readFileSync(this.logFile(name), 'utf8');
  }

  async start(): Promise<this> {
    if (this.shared) {
      const { origin } = sharedPairAlive();
      // Read by test/support/cpu-environment.js: this file's CPU includes its share of the pair's.
      (globalThis as { tahapUsesSharedStack?: boolean }).tahapUsesSharedStack = true;
      return this.attach(origin, testEnv('temporalAddress'), testEnv('databaseUrl'));
    }
    this.client = new Client({ connection: await Connection.connect({ address: testEnv('temporalAddress') }) });
    this.db = await createDataSource(this.env().DATABASE_URL).initialize();
    const started = await startTahap(this.taskQueue, this.env(), (name) => this.logFile(name));
    this.api = started.api;
    this.worker = started.worker;
    this.origin = started.origin;
    this.baseUrl = `${this.origin}/${API_PREFIX}`;
    this.admin = await this.login(TEST_ADMIN.email, TEST_ADMIN.password);
    return this;
  }

  /** A Tahap started elsewhere (the production topology): requests, client and database, no processes of its own. */
  async attach(origin: string, temporalAddress: string, databaseUrl: string): Promise<this> {
    this.client = new Client({ connection: await Connection.connect({ address: temporalAddress }) });
    this.db = await createDataSource(databaseUrl).initialize();
    this.origin = origin;
    this.baseUrl = `${origin}/${API_PREFIX}`;
    this.admin = await this.login(TEST_ADMIN.email, TEST_ADMIN.password);
    return this;
  }

  async startWorker(extra: Record<string, string> = {}): Promise<void> {
    this.mustOwnProcesses('start a worker');
    this.worker = new TahapProcess('apps/worker/main.ts', this.env(extra), this.logFile('worker'));
    await this.worker.start(WORKER_READY);
  }

  /** Resolves with the worker's exit code once it ends by itself. */
  workerExited(): Promise<number | null> {
    this.mustOwnProcesses('watch the worker');
    return this.worker!.exited();
  }

  /** Stops the worker: SIGTERM lets it finish in-flight tasks, SIGKILL is a crash. */
  async stopWorker(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.mustOwnProcesses('stop the worker');
    await this.worker?.stop(signal);
  }

  private mustOwnProcesses(toDo: string): void {
    if (this.shared) throw new Error(`A shared stack cannot ${toDo}: use new Stack(taskQueue) for that suite.`);
  }

  async stop(): Promise<void> {
    await Promise.all([this.api?.stop(), this.worker?.stop()]);
    await this.client?.connection.close();
    if (this.db?.isInitialized) await this.db.destroy();
  }

  async login(email: string, password: string): Promise<{ token: string }> {
    const { status, body } = await this.request('POST', '/auth/login', { email, password }, 'anonymous');
    if (status !== 200) throw new Error(`login of ${email} answered ${status}: ${JSON.stringify(body)}`);
    return { token: body.accessToken as string };
  }

  /** A new account of the role (for an agency role, acting for `agencyCode`), signed in. */
  async account(role: string, agencyCode?: string): Promise<{ token: string; userId: string; email: string }> {
    const email = `${role}-${agencyCode ?? 'x'}-${Math.random().toString(36).slice(2)}@tahap.test`;
    const password = 'password-for-tests';
    const created = await this.request('POST', '/users', { email, password, role, agencyCode, displayName: email });
    if (created.status !== 201)
      throw new Error(`creating ${email} answered ${created.status}: ${JSON.stringify(created.body)}`);
    return { ...(await this.login(email, password)), userId: created.body.id as string, email };
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    as: Caller = this.admin,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const credentials: Record<string, string> =
      as === 'anonymous' || as === undefined
        ? {}
        : 'token' in as
          ? { authorization: `Bearer ${as.token}` }
          : { 'x-api-key': as.apiKey };
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' }),
        ...credentials,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // CSV and other text answers stay text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
}

/**
 * Polls until `probe` returns a value that is not undefined; fails with `what` after the timeout. The pause between
 * probes grows from 100 ms to 1 s: a state that comes quickly is seen quickly, and a long wait (a calendar instant,
 * a hundred entries hearing of a stage) does not load the machine that is doing the work with probes.
 */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let pauseMs = 100;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, Math.max(0, deadline - Date.now()))));
    pauseMs = Math.min(1_000, pauseMs * 1.5);
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The task queue of this jest worker's shared pair (JEST_WORKER_ID counts from 1; a run in band has only 1). */
export function sharedTaskQueue(jestWorker = process.env.JEST_WORKER_ID ?? '1'): string {
  return `shared-${jestWorker}`;
}

/**
 * This jest worker's shared pair, as the global setup started it; fails with where to look when an earlier suite's
 * doing ended its API or worker.
 */
function sharedPairAlive(): { origin: string; pids: number[] } {
  const queue = sharedTaskQueue();
  const pair = (
    JSON.parse(process.env[TEST_ENV.sharedPairs] ?? '{}') as Record<string, { origin: string; pids: number[] }>
  )[queue];
  if (!pair) throw new Error(`No shared API for ${queue}: the global setup starts one per jest worker.`);
  for (const pid of pair.pids) {
    try {
      process.kill(pid, 0);
    } catch {
      const logs = join(testEnv('scratch'), `${queue}-{api,worker}.log`);
      throw new Error(`The shared ${queue} process ${pid} has ended; its log: ${logs}`);
    }
  }
  return pair;
}
