import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { API_PREFIX } from '../../apps/api/portal/api-prefix';
import { jsonLines } from '../../libs/audit/json-lines';
import { compressCalendar, PKRI_2024, type CompetitionTemplate } from '../../libs/domain';
import { createScratchDatabase, dropScratchDatabase } from '../../libs/persistence/scratch-database';
import {
  ensureTemporalCli,
  ensureTemporalServer,
  freePort,
  freeServerPortBase,
  setupTemporalSchema,
  startDevServer,
  startTemporalServer,
  temporalDatabasesOn,
} from '../../libs/temporal';
import { TahapProcess } from '../../test/support/process';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

/** PostgreSQL server the benchmarks create their scratch database on. */
export const ADMIN_DATABASE_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}".`);
  return value;
}

export function nonNegativeInt(name: string, fallback: number): number {
  return process.env[name]?.trim() === '0' ? 0 : positiveInt(name, fallback);
}

export const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

export async function call<T = any>(baseUrl: string, method: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, text };
}

/**
 * An auditor's replay of the whole cycle, read as lines while it runs (a national cycle takes longer than `fetch`
 * waits for a silent answer); prints the count every tenth of the way.
 */
export async function replayedCycle(baseUrl: string, cycleId: string, token: string) {
  const response = await fetch(`${baseUrl}/audit/cycles/${cycleId}/replay`, {
    headers: { accept: 'application/x-ndjson', authorization: `Bearer ${token}` },
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`cycle replay answered ${response.status}: ${await response.text()}`);
  }
  let shownTenth = 0;
  type ReplayLine = {
    progress?: { replayed: number; total: number };
    result?: { replayed: number; diverged: unknown[] };
    error?: { message: string };
  };
  for await (const line of jsonLines<ReplayLine>(response.body)) {
    if (line.error) throw new Error(`cycle replay failed: ${line.error.message}`);
    if (line.result) return line.result;
    const tenth = Math.floor((10 * line.progress!.replayed) / line.progress!.total);
    if (tenth > shownTenth) {
      shownTenth = tenth;
      console.log(`    ${line.progress!.replayed} of ${line.progress!.total} replayed`);
    }
  }
  throw new Error('cycle replay ended without its result');
}

export async function expectStatus<T = any>(
  expected: number,
  what: string,
  request: Promise<{ status: number; body: T; text: string }>,
): Promise<T> {
  const { status, body, text } = await request;
  if (status !== expected) throw new Error(`${what} answered ${status} (expected ${expected}): ${text}`);
  return body;
}

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const body = await expectStatus<{ accessToken: string }>(
    200,
    `login of ${email}`,
    call(baseUrl, 'POST', '/auth/login', { email, password }),
  );
  return body.accessToken;
}

/** PKRI 2024 compressed to start now, submission open long enough for the whole run; its cycle gets `year`. */
export function benchTemplate(key: string, year: number, submissionSeconds: number): CompetitionTemplate {
  const stageSeconds = Object.fromEntries(
    PKRI_2024.stages.map((stage) => [stage.key, stage.type === 'submission' ? submissionSeconds : 60]),
  );
  return { ...compressCalendar(PKRI_2024, { startAt: new Date(), stageSeconds }), key, year };
}

/** Creates the template version and its cycle as the admin; returns the cycle id. */
export async function benchCycle(baseUrl: string, token: string, template: CompetitionTemplate) {
  const { version } = await expectStatus<{ version: number }>(
    201,
    'creating the template',
    call(baseUrl, 'POST', '/templates', { definition: template }, token),
  );
  const { id } = await expectStatus<{ id: string }>(
    201,
    'creating the cycle',
    call(baseUrl, 'POST', '/cycles', { templateKey: template.key, templateVersion: version }, token),
  );
  return { cycleId: id, version };
}

export function machine(): string {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown CPU';
  return `${list.length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

export interface BenchStack {
  baseUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  adminToken: string;
  /** The folder of the run's logs and files, removed at the end. */
  scratch: string;
  /** Process ids of the stack's own processes, for CPU and memory figures. */
  pids: { api?: number; worker?: number; temporal?: number };
  /** Registers something to close when the benchmark ends, after everything started later and before the rest. */
  onStop(name: string, stop: () => Promise<unknown>): void;
}

/**
 * The production topology's Temporal server (BENCH_TEMPORAL=server): the server binary with its history and
 * visibility in two databases of its own on the benchmark's PostgreSQL, whose CPU the figures then include.
 */
async function startProductionTemporal(
  name: string,
  scratch: string,
  onStop: BenchStack['onStop'],
): Promise<{ address: string; pid?: number; stop(): Promise<void> }> {
  const binaries = ensureTemporalServer(PROJECT_ROOT);
  const cli = ensureTemporalCli(PROJECT_ROOT);
  if (!binaries || !cli) throw new Error('BENCH_TEMPORAL=server needs Go, or: npm run temporal -- ensure-server');
  const prefix = `tahap_bench_${name}_${process.pid}`;
  const databases = temporalDatabasesOn(ADMIN_DATABASE_URL, `${prefix}_temporal`, `${prefix}_visibility`);
  onStop('Temporal databases', async () => {
    for (const database of [databases.database, databases.visibilityDatabase])
      await dropScratchDatabase(ADMIN_DATABASE_URL, database, 'BENCH_DATABASE_ADMIN_URL');
  });
  // The server's own SQL tool creates both databases and their schemas, as compose's setup step does.
  await setupTemporalSchema(binaries.sqlTool, databases);
  const port = await freeServerPortBase();
  return startTemporalServer({ binaries, databases, port, dir: join(scratch, 'temporal'), namespace: 'default', cli });
}

/**
 * Runs a benchmark against a Tahap of its own: a fresh database on BENCH_DATABASE_ADMIN_URL, a Temporal dev server
 * on free ports (or with BENCH_TEMPORAL=server the production topology's server), the SMTP sink, the worker and the
 * API as their own processes (as in production; the load generator stays in this one), and a signed-in admin. Everything is stopped and dropped at the end, also on
 * failure or Ctrl-C; the exit code is what `measure` returns (1 on an error).
 */
export function runBenchmark(
  name: string,
  env: Record<string, string>,
  measure: (stack: BenchStack) => Promise<number>,
): void {
  const steps: { name: string; stop: () => Promise<unknown> }[] = [];
  let failed = false;
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      for (const step of steps.reverse()) {
        await step
          .stop()
          .catch((error: unknown) => console.error(`  ${step.name} did not stop cleanly: ${String(error)}`));
      }
    })());
  const onSignal = () => {
    console.error('\nInterrupted: stopping and dropping the benchmark database…');
    void shutdown().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const onStop = (stepName: string, stop: () => Promise<unknown>) => steps.push({ name: stepName, stop });

  const run = async (): Promise<number> => {
    const started = Date.now();
    const scratch = mkdtempSync(join(tmpdir(), `tahap-bench-${name}-`));
    // A failed run keeps the processes' logs for whoever reads why.
    onStop('scratch folder', async () =>
      failed ? console.error(`  logs kept in ${scratch}`) : rmSync(scratch, { recursive: true, force: true }),
    );
    const database = await createScratchDatabase(
      ADMIN_DATABASE_URL,
      `tahap_bench_${name}_${process.pid}`,
      'BENCH_DATABASE_ADMIN_URL',
    );
    onStop('database', () => database.drop());
    const temporal =
      process.env.BENCH_TEMPORAL === 'server'
        ? await startProductionTemporal(name, scratch, onStop)
        : await startDevServer({
            projectRoot: PROJECT_ROOT,
            ip: '127.0.0.1',
            port: await freePort(),
            uiPort: await freePort(),
            // In memory unless BENCH_TEMPORAL_STORE=file: the dev server's SQLite file spends most of a national
            // cycle's time writing to disk, which says more about SQLite than about Tahap or the floor.
            ...(process.env.BENCH_TEMPORAL_STORE === 'file' ? { dbFile: join(scratch, 'temporal.db') } : {}),
            logFile: join(scratch, 'temporal.log'),
            log: (line) => console.log(`  ${line}`),
          });
    onStop('Temporal', () => temporal.stop());
    const spawned = (entry: string, processEnv: Record<string, string>, log: string) => {
      const child = new TahapProcess(entry, processEnv, join(scratch, log));
      onStop(log, () => child.stop());
      return child;
    };
    const sink = spawned('scripts/mail-sink.ts', { DATABASE_URL: database.url, MAIL_SINK_PORT: '0' }, 'mail-sink.log');
    const [, smtpUrl] = await sink.start(/Mail sink listening on (smtp:\/\/\S+)/);

    const admin = { email: 'bench-admin@tahap.test', password: randomBytes(12).toString('hex') };
    const appEnv = {
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: smtpUrl,
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      // `log`: the processes announce readiness at that level; their logs go to files in the scratch folder.
      LOG_LEVEL: 'log',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ACCESS_TOKEN_MINUTES: '1440',
      TAHAP_ADMIN_EMAIL: admin.email,
      TAHAP_ADMIN_PASSWORD: admin.password,
      ...env,
    };
    // BENCH_WORKER_NODE_OPTIONS (for example --max-old-space-size=512) reaches the worker only: its memory is a goal.
    const workerNodeOptions = process.env.BENCH_WORKER_NODE_OPTIONS?.trim();
    const worker = spawned(
      'apps/worker/main.ts',
      workerNodeOptions ? { ...appEnv, NODE_OPTIONS: workerNodeOptions } : appEnv,
      'worker.log',
    );
    await worker.start(/Worker polling task queue/);
    const api = spawned('apps/api/main.ts', appEnv, 'api.log');
    const [, origin] = await api.start(/Tahap API listening on (http:\/\/[^\s"]+)/);
    const baseUrl = `${origin}/${API_PREFIX}`;
    console.log(
      `  stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (API ${baseUrl}, Temporal ${temporal.address})`,
    );
    const adminToken = await login(baseUrl, admin.email, admin.password);
    return measure({
      baseUrl,
      databaseUrl: database.url,
      temporalAddress: temporal.address,
      smtpUrl,
      adminToken,
      scratch,
      pids: { api: api.pid, worker: worker.pid, temporal: temporal.pid },
      onStop,
    });
  };

  void run()
    .catch((error: unknown) => {
      console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      failed = true;
      return 1;
    })
    .then(async (code) => {
      await shutdown();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.exitCode = code;
    });
}
