import { Writable } from 'node:stream';
import { streamArchive, type ArchivedHistory } from '../../libs/audit/archive';

/**
 * Memory of a streamed export: 10,000 synthetic entry histories (some 40 KB of JSON each, distinct text so that
 * gzip has work to do) written through streamArchive into a sink that keeps nothing, as the API writes them into
 * the HTTP response. Prints the heap and resident memory before, at their highest during, and after, and the archive's
 * size; the heap's growth should stay far below 200 MB, whatever the count.
 * Usage: node --expose-gc -r ts-node/register/transpile-only scripts/bench/export-memory.ts [--count 10000]
 */
const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const COUNT = Number(argument('--count') ?? 10_000);
const EVENTS = 200;
const MB = 1024 ** 2;

function syntheticHistory(index: number): ArchivedHistory {
  const events = Array.from({ length: EVENTS }, (_, event) => ({
    eventId: String(event + 1),
    eventTime: new Date(Date.UTC(2024, 6, 1, 2, 0, event, index % 1000)).toISOString(),
    eventType: 'EVENT_TYPE_WORKFLOW_TASK_COMPLETED',
    attributes: { note: `entry ${index} step ${event}: ${(index * 7919 + event * 104729).toString(36)}` },
  }));
  return {
    workflowId: `entry-cycle-bench-${String(index).padStart(8, '0')}`,
    runId: `run-${index}`,
    workflowType: 'entryWorkflow',
    json: JSON.stringify({ events }, null, 2),
  };
}

const peak = { heapUsed: 0, rss: 0 };
/** Sampled as each history is handed over: the writing runs on promises, which a timer would not interrupt. */
function sample() {
  const now = process.memoryUsage();
  peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  peak.rss = Math.max(peak.rss, now.rss);
}

async function* histories(): AsyncGenerator<ArchivedHistory> {
  for (let index = 0; index < COUNT; index++) {
    sample();
    yield syntheticHistory(index);
  }
}

const collect = () => (global as { gc?: () => void }).gc?.();

async function main() {
  collect();
  const before = process.memoryUsage();
  let archiveBytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      archiveBytes += chunk.length;
      done();
    },
  });
  const started = Date.now();
  const written = await streamArchive(sink, {
    cycleId: 'cycle-bench',
    exportedAt: '2025-01-01T00:00:00.000Z',
    histories: histories(),
  });
  sample();
  const seconds = (Date.now() - started) / 1000;
  collect();
  const after = process.memoryUsage();
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
  const historyKb = (Buffer.byteLength(syntheticHistory(0).json) / 1024).toFixed(0);
  console.log(`histories: ${COUNT} (${historyKb} KB of JSON each), files: ${written.files}`);
  console.log(`archive: ${mb(archiveBytes)} in ${seconds.toFixed(1)} s`);
  console.log(`heap used: before ${mb(before.heapUsed)}, peak ${mb(peak.heapUsed)}, after ${mb(after.heapUsed)}`);
  console.log(
    `heap growth: peak ${mb(peak.heapUsed - before.heapUsed)}, after ${mb(after.heapUsed - before.heapUsed)}`,
  );
  console.log(`rss: before ${mb(before.rss)}, peak ${mb(peak.rss)}, after ${mb(after.rss)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
