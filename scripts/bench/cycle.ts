import { Client, Connection } from '@temporalio/client';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client as PgClient } from 'pg';
import { machine, replayedCycle, runBenchmark, sleep } from './bench-stack';
import { cycleChart } from './cycle-chart';
import type { CycleFigures, StageFigures } from './cycle-figures';
import { runStage, setUpCycle, type CycleShape } from './cycle-people';
import { runFloor } from './floor/run-floor';
import { historiesOf, summarise, type HistoryCounts } from './history-stats';
import { cpuBetween, cpuSnapshot, peakRssMib, postgresCpuSeconds, processCpuSeconds } from './process-cpu';

/**
 * A whole KIPP-shaped cycle at national scale, and the Temporal floor beside it in the same run.
 * Usage: npm run bench:cycle [-- --entries 10000]
 *   --entries N      registrations (default 3,500, KIPP's size)
 *   --concurrency N  requests in flight at once for a bulk action (default 50: agencies registering at peak)
 * Its own scratch database, Temporal dev server, worker and API (see runBenchmark). Simulated people act through
 * the public API (scripts/bench/cycle-people.ts) and the secretariat closes each stage once its work is done, so
 * the wall time is the work's, not a calendar's. Figures go to bench-results/cycle-<N>.json and a chart beside it.
 */
const PROJECT_ROOT = resolve(__dirname, '..', '..');
const RESULTS = join(PROJECT_ROOT, 'bench-results');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number of at least 1.`);
  return value;
}

const ENTRIES = option('--entries', 3_500);
const CONCURRENCY = option('--concurrency', 50);
const YEAR = 2079;

const total = (cpu: Record<string, number>) => Object.values(cpu).reduce((sum, seconds) => sum + seconds, 0);
const fixed = (value: number, digits = 1) => value.toFixed(digits);

/**
 * How fast a stage's opening reached the entries: each entry's first signal in the window, per second from the
 * first entry to the last (later signals, such as the stage's close, are not part of the burst).
 */
function signalRate(entries: HistoryCounts[], from: number, to: number): number | null {
  const firsts = entries
    .map((entry) => entry.signalTimes.find((time) => time >= from && time <= to))
    .filter((time): time is number => time !== undefined);
  if (firsts.length < 2) return null;
  const spread = (Math.max(...firsts) - Math.min(...firsts)) / 1000;
  return spread > 0 ? firsts.length / spread : null;
}

async function noticeRate(db: PgClient, from: number, to: number): Promise<number | null> {
  const { rows } = await db.query<{ count: number; first: Date | null; last: Date | null }>(
    `SELECT count(*)::int AS count, min(delivered_at) AS first, max(delivered_at) AS last
       FROM deliveries WHERE delivered_at BETWEEN $1 AND $2`,
    [new Date(from), new Date(to)],
  );
  const { count, first, last } = rows[0];
  if (count < 2 || !first || !last) return null;
  const spread = (last.getTime() - first.getTime()) / 1000;
  return spread > 0 ? count / spread : null;
}

/** Waits until every notice of the run has left for its channel (delivered, failed or disabled). */
async function noticesDrained(db: PgClient): Promise<void> {
  for (;;) {
    const { rows } = await db.query<{ pending: number }>(
      `SELECT count(*)::int AS pending FROM deliveries WHERE status = 'pending'`,
    );
    if (rows[0].pending === 0) return;
    await sleep(500);
  }
}

runBenchmark('cycle', {}, async (stack) => {
  const processes = {
    api: () => processCpuSeconds(stack.pids.api),
    worker: () => processCpuSeconds(stack.pids.worker),
    temporal: () => processCpuSeconds(stack.pids.temporal),
    postgres: postgresCpuSeconds,
  };
  const db = new PgClient({ connectionString: stack.databaseUrl });
  await db.connect();
  stack.onStop('database client', () => db.end());
  const connection = await Connection.connect({ address: stack.temporalAddress });
  stack.onStop('Temporal client', () => connection.close());
  const client = new Client({ connection });

  const shape: CycleShape = {
    entries: ENTRIES,
    agencies: Math.max(50, Math.ceil(ENTRIES / 6)),
    evaluators: Math.max(10, Math.ceil(ENTRIES / 100)),
    concurrency: CONCURRENCY,
  };
  const api = { baseUrl: stack.baseUrl, adminToken: stack.adminToken };
  console.log(
    `Cycle benchmark: ${shape.entries} entries from ${shape.agencies} agencies, ${shape.evaluators} evaluators, ${shape.concurrency} requests at once`,
  );
  const setUpStarted = Date.now();
  const setup = await setUpCycle(api, shape, YEAR);
  console.log(`  set up in ${fixed((Date.now() - setUpStarted) / 1000)} s: cycle ${setup.cycleId}`);

  const windows: { from: number; to: number }[] = [];
  const stages: StageFigures[] = [];
  const cycleBefore = cpuSnapshot(processes);
  const cycleStarted = Date.now();
  for (const stage of setup.stages) {
    const before = cpuSnapshot(processes);
    const from = Date.now();
    const { actions, notes } = await runStage(api, setup, stage);
    if (stage.type === 'announcement') await noticesDrained(db);
    const cpu = cpuBetween(before, cpuSnapshot(processes));
    const wallSeconds = (Date.now() - from) / 1000;
    windows.push({ from, to: Date.now() });
    stages.push({ ...stage, wallSeconds, cpu, actions, notes, signalsPerSecond: null, noticesPerSecond: null });
    console.log(
      `  ${stage.key.padEnd(22)} ${fixed(wallSeconds).padStart(7)} s  CPU ${fixed(total(cpu)).padStart(6)} s  ${actions} actions${notes.length ? `  (${notes.join('; ')})` : ''}`,
    );
  }
  const wallSeconds = (Date.now() - cycleStarted) / 1000;
  const cpu = cpuBetween(cycleBefore, cpuSnapshot(processes));
  const workerPeakRssMib = peakRssMib(stack.pids.worker) ?? null;

  console.log('  reading every history of the cycle…');
  const histories = await historiesOf(client);
  const entryCounts = histories.filter((history) => history.workflowType === 'entryWorkflow');
  // Every workflow of the run by type and status: a cycle's work is done when nothing but what waits on purpose runs.
  const otherWorkflows: Record<string, number> = {};
  for (const history of histories) {
    const kind = `${history.workflowType} ${history.status.toLowerCase()}`;
    otherWorkflows[kind] = (otherWorkflows[kind] ?? 0) + 1;
  }
  const cycleHistoryEvents =
    histories.find((history) => history.workflowType === 'cycleWorkflow' && history.workflowId === setup.cycleId)
      ?.events ?? 0;
  for (const [index, stage] of stages.entries()) {
    stage.signalsPerSecond = signalRate(entryCounts, windows[index].from, windows[index].to);
    stage.noticesPerSecond = await noticeRate(db, windows[index].from, windows[index].to);
  }
  const entryHistories = summarise(entryCounts);

  console.log('  replay-verifying the cycle as an auditor…');
  const replayStarted = Date.now();
  const verified = await replayedCycle(stack.baseUrl, setup.cycleId, stack.adminToken);
  const replay = {
    seconds: (Date.now() - replayStarted) / 1000,
    replayed: verified.replayed,
    diverged: verified.diverged.length,
  };
  const { rows } = await db.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  const databaseMib = Number(rows[0].bytes) / 2 ** 20;

  const tahap: Omit<CycleFigures, 'floor'> = {
    entries: ENTRIES,
    machine: machine(),
    measuredAt: new Date().toISOString(),
    stages,
    wallSeconds,
    cpu,
    entryHistories,
    cycleHistoryEvents,
    otherWorkflows,
    workerPeakRssMib,
    databaseMib,
    replay,
  };
  mkdirSync(RESULTS, { recursive: true });
  const base = join(RESULTS, `cycle-${ENTRIES}`);
  // Tahap's figures are kept before the floor runs: a floor that fails loses nothing measured.
  writeFileSync(`${base}.json`, `${JSON.stringify(tahap, null, 2)}\n`);
  console.log('  running the floor: the same entries, messages and activities with no business logic…');
  const floor = await runFloor(
    {
      temporalAddress: stack.temporalAddress,
      temporalPid: stack.pids.temporal,
      databaseUrl: stack.databaseUrl,
      scratch: stack.scratch,
    },
    {
      entries: entryCounts.length,
      signals: entryHistories.meanSignals,
      updates: entryHistories.meanUpdates,
      activities: entryHistories.meanActivities,
      concurrency: CONCURRENCY,
    },
  );
  const figures: CycleFigures = { ...tahap, floor: { ...floor, entries: entryCounts.length } };

  writeFileSync(`${base}.json`, `${JSON.stringify(figures, null, 2)}\n`);
  writeFileSync(`${base}.svg`, cycleChart(figures));
  const goals = report(figures);
  console.log(`\n  figures: ${base}.json\n  chart:   ${base}.svg`);
  return goals.every((goal) => goal.holds) ? 0 : 1;
});

/** Prints the figures and one line per goal; returns the goals. */
function report(figures: CycleFigures): { text: string; holds: boolean }[] {
  const { entries, cpu, floor, entryHistories: histories } = figures;
  const tahapPerEntry = total(cpu) / entries;
  const floorPerEntry = total(floor.cpu) / floor.entries;
  const costRatio = floorPerEntry / tahapPerEntry;
  const throughputRatio = floor.wallSeconds / figures.wallSeconds;
  const perProcess = (seconds: Record<string, number>, count: number) =>
    Object.entries(seconds)
      .map(([name, value]) => `${name} ${fixed(value)} s (${fixed((1000 * value) / count)} ms/entry)`)
      .join(', ');
  const lines = [
    '',
    `Whole cycle: ${entries} entries, ${figures.stages.length} stages in ${fixed(figures.wallSeconds)} s (${fixed(figures.wallSeconds / 60)} min)`,
    `  CPU          ${fixed(total(cpu))} s = ${fixed(1000 * tahapPerEntry)} ms per entry: ${perProcess(cpu, entries)}`,
    `  per stage    ${figures.stages.map((stage) => `${stage.key} ${fixed(stage.wallSeconds)} s`).join(', ')}`,
    `  fan-out      ${figures.stages
      .filter((stage) => stage.signalsPerSecond !== null)
      .map((stage) => `${stage.key} ${fixed(stage.signalsPerSecond!, 0)} signals/s`)
      .join(', ')}`,
    `  notices      ${figures.stages
      .filter((stage) => stage.noticesPerSecond !== null)
      .map((stage) => `${stage.key} ${fixed(stage.noticesPerSecond!, 0)}/s`)
      .join(', ')}`,
    `  entry history  mean ${fixed(histories.meanEvents)} events (longest ${histories.longestEvents}), mean ${fixed(histories.meanWorkflowTasks)} workflow tasks (most ${histories.longestWorkflowTasks}); per entry ${fixed(histories.meanSignals, 2)} signals, ${fixed(histories.meanUpdates, 2)} Updates, ${fixed(histories.meanActivities, 2)} activities`,
    `  cycle history  ${figures.cycleHistoryEvents} events; workflows: ${Object.entries(figures.otherWorkflows)
      .map(([type, count]) => `${count} × ${type}`)
      .join(', ')}`,
    `  worker       peak RSS ${figures.workerPeakRssMib === null ? 'unknown' : `${fixed(figures.workerPeakRssMib, 0)} MiB`}`,
    `  database     ${fixed(figures.databaseMib, 0)} MiB`,
    `  replay       ${figures.replay.replayed} histories verified in ${fixed(figures.replay.seconds)} s, ${figures.replay.diverged} diverged`,
    '',
    `Floor (same server and database, no business logic): ${floor.entries} entries in ${fixed(floor.wallSeconds)} s (${floor.busy} Updates not confirmed in time, sent again)`,
    `  CPU          ${fixed(total(floor.cpu))} s = ${fixed(1000 * floorPerEntry)} ms per entry: ${perProcess(floor.cpu, floor.entries)}`,
    `  ratio        floor/Tahap CPU per entry ${fixed(costRatio, 2)} (Tahap costs ${fixed(1 / costRatio, 2)}× the floor); throughput ${fixed(throughputRatio, 2)} of the floor's`,
    `  machine      ${figures.machine}`,
  ];
  console.log(lines.join('\n'));
  const goals = [
    {
      text: `${entries} entries complete every stage${entries <= 3_500 ? ' in under 30 minutes' : ''}: ${fixed(figures.wallSeconds / 60)} min`,
      holds: entries > 3_500 || figures.wallSeconds < 30 * 60,
    },
    {
      text: `Tahap's CPU per entry at most 1.25× the floor's (ratio ≥ 0.8): ratio ${fixed(costRatio, 2)}`,
      holds: costRatio >= 0.8,
    },
    {
      text: `no entry history over 300 events: longest ${histories.longestEvents}`,
      holds: histories.longestEvents <= 300,
    },
    {
      text: `worker RSS ≤ 600 MB with ${entries} open entries: ${figures.workerPeakRssMib === null ? 'unknown' : fixed(figures.workerPeakRssMib, 0)} MiB`,
      holds: figures.workerPeakRssMib !== null && figures.workerPeakRssMib * 1.048576 <= 600,
    },
    {
      text: `whole cycle replay-verified in ≤ 60 s: ${fixed(figures.replay.seconds)} s, ${figures.replay.diverged} diverged`,
      holds: figures.replay.seconds <= 60 && figures.replay.diverged === 0,
    },
  ];
  console.log(['', 'Goals:', ...goals.map((goal) => `  ${goal.holds ? 'holds ' : 'MISSED'}  ${goal.text}`)].join('\n'));
  return goals;
}
