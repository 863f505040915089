import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { readArchive } from '../../libs/audit/archive';
import { replayHistories } from '../../libs/audit/replay';
import { productionBundle } from '../../libs/audit/workflow-bundle';

/**
 * Replay throughput of an auditor's bulk verification: 1,000 entry histories replayed on today's workflow code
 * (one replay worker, as `tahap audit replay --cycle` runs it). By default the entries are the recorded entry
 * histories of test/replay/histories (every path an entry takes: full run, withdrawn, eliminated, desk scored,
 * interview scored, released and no-show) repeated to 1,000 under distinct ids; `--archive <file>` replays the
 * entries of an exported cycle instead. Prints histories per second of wall time and per CPU-second used (the
 * "per core" figure: replay is CPU-bound).
 * Usage: node -r ts-node/register/transpile-only scripts/bench/replay-throughput.ts [--archive file] [--count 1000]
 */
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const COUNT = Number(argument('--count') ?? 1000);

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

async function entryHistories() {
  const archivePath = argument('--archive');
  const templates: { name: string; json: string }[] = [];
  if (archivePath) {
    const archive = await readArchive(archivePath);
    if (archive.problems.length) throw new Error(`${archivePath} does not verify: ${archive.problems.join('; ')}`);
    for (const history of archive.histories) {
      if (history.workflowType === 'entryWorkflow') templates.push({ name: history.workflowId, json: history.json });
    }
  } else {
    const directory = join(__dirname, '../../test/replay/histories');
    for (const file of readdirSync(directory)
      .filter((name) => /^entry-.*\.json$|^entry\.json$/.test(name))
      .sort()) {
      templates.push({ name: file, json: readFileSync(join(directory, file), 'utf8') });
    }
  }
  if (!templates.length) throw new Error('No entry histories to replay.');
  const parsed = templates.map(({ name, json }) => ({ name, history: historyFromJSON(JSON.parse(json)) }));
  const histories: { workflowId: string; history: temporal.api.history.v1.IHistory }[] = Array.from(
    { length: COUNT },
    (_, index) => ({
      workflowId: `bench-entry-${index}`,
      history: parsed[index % parsed.length].history,
    }),
  );
  const count = (predicate: (event: HistoryEvent) => boolean) =>
    histories.reduce((total, item) => total + (item.history.events ?? []).filter(predicate).length, 0);
  return {
    source: `${archivePath ?? 'test/replay/histories'}: ${parsed.length} distinct entry histories`,
    histories,
    events: count(() => true),
    workflowTasks: count((event) => Boolean(event.workflowTaskCompletedEventAttributes)),
  };
}

async function main(): Promise<void> {
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }), forward: {} } },
  });
  const { source, histories, events, workflowTasks } = await entryHistories();
  const bundle = await productionBundle();
  // Warm-up: the first replays load the bundle into the worker's V8 context.
  for await (const verdict of replayHistories(bundle, histories.slice(0, 20))) {
    if (!verdict.ok) throw new Error(`${verdict.workflowId} diverged in the warm-up: ${verdict.message}`);
  }
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let diverged = 0;
  for await (const verdict of replayHistories(bundle, histories)) if (!verdict.ok) diverged += 1;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`source: ${source}; ${events} events, ${workflowTasks} workflow tasks in all`);
  console.log(`replayed ${histories.length} entry histories in ${seconds.toFixed(2)} s, ${diverged} diverged`);
  console.log(
    `throughput: ${(histories.length / seconds).toFixed(0)} histories/s wall clock on ${cpus().length} cores`,
  );
  console.log(
    `per core: ${(histories.length / cpuSeconds).toFixed(0)} histories per CPU-second ` +
      `(${cpuSeconds.toFixed(2)} CPU-s used; goal 200)`,
  );
  console.log(`cost: ${((cpuSeconds * 1000) / workflowTasks).toFixed(2)} CPU-ms per workflow task replayed`);
  if (diverged) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
