import { Client as TemporalClient, Connection } from '@temporalio/client';
import autocannon from 'autocannon';
import { Client as PgClient } from 'pg';
import {
  ADMIN_DATABASE_URL,
  benchCycle,
  benchTemplate,
  call,
  expectStatus,
  login,
  machine,
  nonNegativeInt,
  positiveInt,
  runBenchmark,
  sleep,
} from './bench-stack';
import { startRegistrationFloor } from './floor/registration-floor-stack';
import { inBatches } from './in-batches';

/**
 * Registration latency under load: p50/p95/p99 of POST /cycles/:id/entries with 50 agencies registering at once,
 * each on its own keep-alive connection and with its own login, every request a new innovation title.
 * Self-contained (see runBenchmark): its own database, Temporal dev server, SMTP sink, worker and API.
 * Usage: npm run bench:registration
 *   BENCH_SECONDS=20          length of the measured run (ignored when BENCH_AMOUNT is set)
 *   BENCH_AMOUNT=N            measure exactly N registrations instead of a duration
 *   BENCH_AGENCIES=50         agencies, each one concurrent connection
 *   BENCH_WARMUP_SECONDS=3    unmeasured load before the run (JIT, connection pools, Temporal)
 *   BENCH_DATABASE_ADMIN_URL  PostgreSQL server to create the scratch database on
 *                             (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_TEMPORAL=server     the production topology's Temporal server (its history and visibility on that
 *                             PostgreSQL) instead of the dev server, for Tahap and the floor alike
 */
const SECONDS = positiveInt('BENCH_SECONDS', 20);
const AMOUNT = process.env.BENCH_AMOUNT ? positiveInt('BENCH_AMOUNT', 0) : undefined;
const AGENCIES = positiveInt('BENCH_AGENCIES', 50);
const WARMUP_SECONDS = nonNegativeInt('BENCH_WARMUP_SECONDS', 3);
const YEAR = 2077;
const AGENCY_PASSWORD = 'bench-agency-password';
const ENTRY_SUMMARY = 'Inovasi pelayanan publik untuk uji beban pendaftaran.';

interface LoadResult {
  statuses: Map<number, number>;
  latencies: number[];
  failures: string[];
  result: autocannon.Result;
}

let titleCounter = 0;

/** One autocannon run: each connection is one agency (its own token), each request a new title. */
function load(url: string, tokens: string[], options: { duration?: number; amount?: number }): Promise<LoadResult> {
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const failures: string[] = [];
  let nextClient = 0;
  return new Promise((done, fail) => {
    const instance = autocannon(
      {
        url,
        connections: tokens.length,
        pipelining: 1,
        timeout: 60,
        ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
        setupClient: (client) => {
          const token = tokens[nextClient++ % tokens.length];
          client.setHeaders({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
        },
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                title: `Inovasi ${++titleCounter}`,
                summary: ENTRY_SUMMARY,
                group: 'keberlanjutan',
                launchDate: '2019-01-15',
                evidenceLinks: ['https://inovasi.example.go.id/bukti'],
              }),
            }),
            onResponse: (status, body) => {
              if (status !== 201 && failures.length < 10) failures.push(`${status} ${body.slice(0, 300)}`);
            },
          },
        ],
      },
      (error: unknown, result: autocannon.Result) =>
        error ? fail(error) : done({ statuses, latencies, failures, result }),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      latencies.push(responseTime);
    });
    instance.on('reqError', (error: unknown) => {
      if (failures.length < 10) failures.push(`request error: ${String(error)}`);
    });
  });
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(`Registration latency benchmark: ${AGENCIES} agencies, one connection each`);
runBenchmark('registration', {}, async ({ baseUrl, databaseUrl, temporalAddress, adminToken, onStop, scratch }) => {
  const setupStarted = Date.now();
  const codes = Array.from({ length: AGENCIES }, (_, i) => `kab-bench-${String(i + 1).padStart(3, '0')}`);
  await inBatches(codes, 4, async (code, i) => {
    await expectStatus(
      201,
      `creating agency ${code}`,
      call(
        baseUrl,
        'POST',
        '/agencies',
        {
          code,
          name: `Pemerintah Kabupaten Uji ${i + 1}`,
          cluster: 'kabupaten',
          province: 'Jawa Timur',
          zone: 'WIB',
        },
        adminToken,
      ),
    );
    await expectStatus(
      201,
      `creating the user of ${code}`,
      call(
        baseUrl,
        'POST',
        '/users',
        {
          email: `operator@${code}.bench.test`,
          password: AGENCY_PASSWORD,
          role: 'agency',
          agencyCode: code,
          displayName: `Operator ${code}`,
        },
        adminToken,
      ),
    );
  });
  const tokens = await inBatches(codes, 4, (code) => login(baseUrl, `operator@${code}.bench.test`, AGENCY_PASSWORD));
  const { cycleId, version } = await benchCycle(baseUrl, adminToken, benchTemplate(`pkri-bench-${YEAR}`, YEAR, 3600));
  console.log(
    `  ${AGENCIES} agencies, users and logins, template v${version} and cycle ${cycleId} in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
  );

  const url = `${baseUrl}/cycles/${cycleId}/entries`;
  const db = new PgClient({ connectionString: databaseUrl });
  await db.connect();
  onStop('database client', () => db.end());
  const entryRows = async () =>
    Number(
      (await db.query<{ count: string }>('SELECT count(*) AS count FROM entries WHERE cycle_id = $1', [cycleId]))
        .rows[0].count,
    );
  /**
   * When a timed run ends, autocannon drops the requests still in flight, but the API finishes them: waits until
   * the entries table stops growing, so those do not overlap the next run or go uncounted.
   */
  const settle = async () => {
    let previous = await entryRows();
    for (let waited = 0; waited < 30_000; waited += 500) {
      await sleep(500);
      const now = await entryRows();
      if (now === previous) return now;
      previous = now;
    }
    return previous;
  };
  const runs: LoadResult[] = [];
  if (WARMUP_SECONDS > 0) {
    console.log(`  warming up for ${WARMUP_SECONDS} s…`);
    runs.push(await load(url, tokens, { duration: WARMUP_SECONDS }));
    await settle();
  }
  console.log(AMOUNT ? `  measuring ${AMOUNT} registrations…` : `  measuring for ${SECONDS} s…`);
  const measured = await load(url, tokens, AMOUNT ? { amount: AMOUNT } : { duration: SECONDS });
  runs.push(measured);

  // Every 201 (warm-up included) is one entries row; so may be each request dropped in flight at a run's end.
  const rows = await settle();
  const created = runs.reduce((sum, run) => sum + (run.statuses.get(201) ?? 0), 0);
  const dropped = runs.reduce((sum, run) => sum + run.result.requests.sent - run.latencies.length, 0);
  const rowsMatch = rows >= created && rows <= created + dropped;
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new TemporalClient({ connection });
  const waitStarted = Date.now();
  let workflows = 0;
  while (Date.now() - waitStarted < 120_000) {
    ({ count: workflows } = await client.workflow.count(`WorkflowType = 'entryWorkflow' AND CycleId = '${cycleId}'`));
    if (workflows >= rows) break;
    await sleep(500);
  }
  const workflowsAfter = (Date.now() - waitStarted) / 1000;
  await connection.close();

  const { result, statuses, latencies, failures } = measured;
  const sorted = [...latencies].sort((a, b) => a - b);
  const ok = statuses.get(201) ?? 0;
  const non201 = [...statuses.entries()].filter(([status]) => status !== 201);
  const non201Count = non201.reduce((sum, [, count]) => sum + count, 0);
  const seconds = result.duration;
  const lines = [
    '',
    `Registration latency: POST /cycles/${cycleId}/entries, ${AGENCIES} concurrent agencies (1 connection each)`,
    `  run          ${AMOUNT ? `${AMOUNT} requests` : `${SECONDS} s`} after ${WARMUP_SECONDS} s warm-up; measured ${seconds.toFixed(1)} s`,
    `  requests     ${latencies.length} completed: ${ok} × 201, ${non201Count} other${non201.length ? ` (${non201.map(([status, count]) => `${count} × ${status}`).join(', ')})` : ''}; ${result.errors} errors, ${result.timeouts} timeouts`,
    `  throughput   ${(latencies.length / seconds).toFixed(1)} req/s (autocannon mean ${result.requests.average.toFixed(1)} req/s)`,
    `  latency p50  ${ms(percentile(sorted, 50))}`,
    `  latency p95  ${ms(percentile(sorted, 95))}`,
    `  latency p99  ${ms(percentile(sorted, 99))}`,
    `  latency max  ${ms(sorted[sorted.length - 1] ?? NaN)}   (mean ${ms(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1))}, min ${ms(sorted[0] ?? NaN)})`,
    `  autocannon   p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms (whole ms)`,
    `  database     ${rows} entries rows for ${created} × 201 (warm-up included) + ${dropped} requests in flight when a timed run stopped: ${rowsMatch ? 'match' : 'MISMATCH'}`,
    `  workflows    ${workflows} entry workflows running ${workflows >= rows ? `(all, ${workflowsAfter.toFixed(1)} s after the run)` : `(of ${rows}; gave up after ${workflowsAfter.toFixed(0)} s)`}`,
    `  machine      ${machine()}`,
    `  setup        API, worker, ${process.env.BENCH_TEMPORAL === 'server' ? 'the Temporal server (history and visibility on PostgreSQL)' : 'Temporal dev server'} and PostgreSQL (${new URL(ADMIN_DATABASE_URL).host}) on this machine; API and worker as their own processes, the load generator in this one`,
  ];
  console.log(lines.join('\n'));
  for (const failure of failures) console.log(`  refused: ${failure}`);

  console.log(
    '\n  the floor: an HTTP server that inserts a row and starts a one-activity workflow, loaded the same way…',
  );
  const floorUrl = await startRegistrationFloor({ temporalAddress, databaseUrl, scratch, onStop });
  if (WARMUP_SECONDS > 0) await load(floorUrl, tokens, { duration: WARMUP_SECONDS });
  const floor = await load(floorUrl, tokens, AMOUNT ? { amount: AMOUNT } : { duration: SECONDS });
  const floorSorted = [...floor.latencies].sort((a, b) => a - b);
  const floorThroughput = floor.latencies.length / floor.result.duration;
  const throughput = latencies.length / seconds;
  const ratio = throughput / floorThroughput;
  const p95Ratio = percentile(sorted, 95) / percentile(floorSorted, 95);
  console.log(
    [
      `Floor: ${floor.latencies.length} requests (${floor.statuses.get(201) ?? 0} × 201) in ${floor.result.duration.toFixed(1)} s`,
      `  throughput   ${floorThroughput.toFixed(1)} req/s`,
      `  latency      p50 ${ms(percentile(floorSorted, 50))}, p95 ${ms(percentile(floorSorted, 95))}, p99 ${ms(percentile(floorSorted, 99))}`,
      `  ratio        Tahap's throughput ${ratio.toFixed(2)} of the floor's (goal ≥ 0.9): ${ratio >= 0.9 ? 'holds' : 'MISSED'}`,
      `               Tahap's p95 ${p95Ratio.toFixed(2)}× the floor's (goal ≤ 1.1): ${p95Ratio <= 1.1 ? 'holds' : 'MISSED'}`,
    ].join('\n'),
  );
  const failed = non201Count > 0 || result.errors > 0 || result.timeouts > 0 || !rowsMatch || ok === 0;
  if (failed) console.error('\nFAILED: not every registration was a 201, or the rows do not match the 201s.');
  return failed ? 1 : 0;
});
