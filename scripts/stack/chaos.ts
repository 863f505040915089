import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../../libs/persistence/embedded-postgres';
import { freePort, freeServerPortBase } from '../../libs/temporal';
import { runFaultCycle, type FaultReport } from './fault-run';
import { startProductionStack } from './production-stack';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} takes a whole number, got ${process.argv[index + 1]}.`);
  return value;
}

/** Whether the run kept every promise: the counts that must be 0 are, and everything finished as it should. */
export function faultRunProblems(report: FaultReport): string[] {
  const problems: string[] = [];
  const { entries } = report;
  if (report.lost > 0) problems.push(`${report.lost} acknowledged registrations lost`);
  if (report.duplicates > 0) problems.push(`${report.duplicates} registrations made twice`);
  if (entries.inDatabase !== entries.acknowledged)
    problems.push(`${entries.inDatabase} entries for ${entries.acknowledged} acknowledged`);
  if (entries.completed !== entries.inDatabase)
    problems.push(`${entries.inDatabase - entries.completed} entries not completed`);
  if (entries.withExpectedHistory !== entries.inDatabase)
    problems.push(`${entries.inDatabase - entries.withExpectedHistory} entries without the expected stage history`);
  if (report.notices.delivered !== report.notices.deliveries)
    problems.push(`${report.notices.deliveries - report.notices.delivered} notices not delivered`);
  if (report.notices.seenTwice > 0) problems.push(`${report.notices.seenTwice} notices seen twice by their recipient`);
  if (report.audit.chainBroken) problems.push('the audit log’s hash chain is broken');
  if (!report.audit.crossCheckConsistent) problems.push('the audit log and the histories disagree');
  if (report.replay.divergences > 0) problems.push(`${report.replay.divergences} histories diverge on replay`);
  return problems;
}

/**
 * `npm run chaos -- [--entries 1000] [--worker-kills 20] [--seed N] [--report file.json]`: the production topology
 * on a PostgreSQL of its own (so it can be restarted), a compressed cycle through it while faults are injected
 * (scripts/stack/fault-run.ts), then the counts. Exits 1 when any promise was broken.
 */
async function main(): Promise<void> {
  const seed = option('--seed', Math.floor(Math.random() * 1_000_000));
  const entries = option('--entries', 1_000);
  const workerKills = option('--worker-kills', 20);
  const reportIndex = process.argv.indexOf('--report');
  const reportPath = reportIndex > 0 ? process.argv[reportIndex + 1] : undefined;
  const dir = resolve(PROJECT_ROOT, process.env.DATA_DIR ?? '.data', `chaos-${seed}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const adminPassword = randomBytes(12).toString('base64url');
  const postgresPort = await freePort();
  const log = (line: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);
  log(`seed ${seed}, ${entries} entries, ${workerKills} worker kills; logs in ${dir}`);
  const stack = await startProductionStack({
    projectRoot: PROJECT_ROOT,
    dir,
    postgres: { start: () => startEmbeddedPostgres({ dataDir: dir, port: postgresPort }) },
    prefix: 'tahap_chaos',
    temporalPort: await freeServerPortBase(),
    apiPort: 0,
    workers: 2,
    apis: 2,
    env: {
      TEMPORAL_TASK_QUEUE: 'chaos',
      JWT_SECRET: randomBytes(32).toString('hex'),
      TAHAP_ADMIN_EMAIL: 'admin@tahap.local',
      TAHAP_ADMIN_PASSWORD: adminPassword,
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      NOTIFY_RETRY_INITIAL_SECONDS: '1',
      NOTIFY_SEND_TIMEOUT_SECONDS: '5',
      WORKER_SHUTDOWN_GRACE_SECONDS: '2',
    },
    log,
  });
  // Whatever ends the run, nothing of the topology is left running.
  const stopAndExit = (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    void stack.stop().finally(() => process.exit(1));
  };
  process.once('uncaughtException', stopAndExit);
  process.once('SIGINT', stopAndExit);
  process.once('SIGTERM', stopAndExit);
  try {
    const report = await runFaultCycle(stack, { entries, workerKills, seed, adminPassword, log });
    const problems = faultRunProblems(report);
    const text = JSON.stringify({ seed, ...report, problems }, null, 2);
    if (reportPath) writeFileSync(reportPath, text);
    console.log(text);
    log(problems.length === 0 ? 'every promise kept' : `broken: ${problems.join('; ')}`);
    process.exitCode = problems.length === 0 ? 0 : 1;
  } finally {
    await stack.stop();
    if (process.exitCode === 0) rmSync(join(dir, 'postgres'), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
