import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { writeWorkflowBundle } from '../../libs/audit/workflow-bundle';
import { openDatabase } from '../../libs/persistence';
import { createScratchDatabase, type ScratchDatabase } from '../../libs/persistence/scratch-database';
import { ensureTemporalServer, freePort, startDevServer, type RunningDevServer } from '../../libs/temporal';
import { buildWeb } from '../../scripts/build-web';
import { ADMIN_DATABASE_URL } from './admin-database';
import { TahapProcess } from './process';
import { sharedTaskQueue, startTahap, tahapTestEnv } from './stack';
import { TEST_ENV } from './test-env';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

export { ADMIN_DATABASE_URL };

export interface SetupState {
  temporal: RunningDevServer;
  mailSink: TahapProcess;
  /** The API and worker of each jest worker's shared stack (test/support/stack.ts). */
  shared: TahapProcess[];
  database: ScratchDatabase;
  scratch: string;
  build: string;
}

declare global {
  var tahapTestSetup: SetupState | undefined;
}

/** What of jest's global and project configuration the setup reads. */
interface JestRun {
  maxWorkers: number;
}
interface JestProject {
  displayName?: { name: string };
}

/**
 * Starts what the integration suites need, once per run: a Temporal dev server on a free port (its state in
 * memory), a fresh database migrated to the current schema, the SMTP sink as a process of its own (keeping what it
 * receives in that database), the workflow bundle, the API, worker and scripts compiled to JavaScript, the portal,
 * and an API and worker for each jest worker's suites to share (`Stack.shared()`).
 */
export default async function globalSetup(globalConfig: JestRun, project: JestProject) {
  // The production-topology suite runs the real server binary; built with Go the first time (minutes), else reused.
  ensureTemporalServer(PROJECT_ROOT);
  const scratch = mkdtempSync(join(tmpdir(), 'tahap-test-'));
  // Inside the project, so the compiled processes find node_modules; removed by the teardown.
  const build = join(PROJECT_ROOT, '.data', `test-build-${basename(scratch)}`);
  // Compiling, building the portal and bundling the workflows need nothing of each other: all three at once.
  const compiled = Promise.all([compile(build), buildWeb(join(build, 'web'))]);
  const bundled = writeWorkflowBundle(join(scratch, 'workflow-bundle.js'));
  const databaseName = `tahap_test_${process.pid}_${Date.now()}`;
  const database = await createScratchDatabase(ADMIN_DATABASE_URL, databaseName, 'TEST_DATABASE_ADMIN_URL');
  const databaseUrl = database.url;
  const dataSource = await openDatabase(databaseUrl);
  await dataSource.destroy();

  const [port, uiPort] = [await freePort(), await freePort()];
  const temporal = await startDevServer({
    projectRoot: PROJECT_ROOT,
    ip: '127.0.0.1',
    port,
    // With its Web UI although nobody looks at it: measured on this machine, the whole-cycle suite cost its server
    // 151 to 170 CPU seconds in three runs with the UI, 223 and 240 in two with `--headless`.
    uiPort,
    // In memory: a run's histories need not outlive it, and no suite restarts the server.
    logFile: join(scratch, 'temporal.log'),
  });

  await compiled;
  process.env[TEST_ENV.build] = build;
  const mailSink = new TahapProcess(
    'scripts/mail-sink.ts',
    { DATABASE_URL: databaseUrl, MAIL_SINK_PORT: '0' },
    join(scratch, 'mail-sink.log'),
  );
  const [, smtpUrl] = await mailSink.start(/Mail sink listening on (smtp:\/\/\S+)/);

  const bundlePath = await bundled;

  process.env[TEST_ENV.temporalAddress] = temporal.address;
  process.env[TEST_ENV.databaseUrl] = databaseUrl;
  process.env[TEST_ENV.workflowBundle] = bundlePath;
  process.env[TEST_ENV.scratch] = scratch;
  process.env[TEST_ENV.smtpUrl] = smtpUrl;
  // The long suites (jest.long.config.js) start their own processes.
  const pairs = project.displayName?.name === 'integration' ? globalConfig.maxWorkers : 0;
  const started = await Promise.allSettled(
    Array.from({ length: pairs }, async (_, index) => {
      const taskQueue = sharedTaskQueue(String(index + 1));
      const logFile = (name: string) => join(scratch, `${taskQueue}-${name}.log`);
      return { taskQueue, ...(await startTahap(taskQueue, tahapTestEnv(taskQueue), logFile)) };
    }),
  );
  const shared = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    // Jest runs no teardown after a failed setup: what was started here is stopped here.
    await Promise.all(shared.flatMap((pair) => [pair.api.stop(), pair.worker.stop()]));
    await Promise.all([mailSink.stop(), temporal.stop()]);
    await database.drop();
    rmSync(build, { recursive: true, force: true });
    throw failed.reason;
  }
  process.env[TEST_ENV.sharedPairs] = JSON.stringify(
    Object.fromEntries(
      shared.map((pair) => [pair.taskQueue, { origin: pair.origin, pids: [pair.api.pid, pair.worker.pid] }]),
    ),
  );
  const sharedProcesses = shared.flatMap((pair) => [pair.api, pair.worker]);
  globalThis.tahapTestSetup = { temporal, mailSink, shared: sharedProcesses, database, scratch, build };
}

/** The API, worker and scripts compiled once per run, without type checking (that is the lint's job). */
async function compile(outDir: string): Promise<void> {
  const tsc = require.resolve('typescript/bin/tsc');
  const args = [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--noCheck'];
  await promisify(execFile)(process.execPath, args, { cwd: PROJECT_ROOT });
}
