import { Client as PgClient } from 'pg';
import {
  ADMIN_DATABASE_URL,
  benchCycle,
  benchTemplate,
  call,
  machine,
  positiveInt,
  runBenchmark,
  sleep,
} from './bench-stack';

/**
 * Notification throughput: one deadline extension on a cycle's submission stage tells every agency; measures how
 * fast the notices reach the outbox and then the SMTP sink (delivered), in notifications per second.
 * Self-contained like bench:registration: a fresh database on BENCH_DATABASE_ADMIN_URL, a Temporal dev server on
 * free ports, the mail sink, the worker and the API as their own processes; all stopped and dropped at the end.
 * Usage: npm run bench:notify
 *   BENCH_AGENCIES=3500       agencies in the database, each one notice and one e-mail
 *   BENCH_TIMEOUT_MINUTES=15  give up (and fail) when not all are delivered by then
 *   BENCH_DATABASE_ADMIN_URL  PostgreSQL server to create the scratch database on
 *                             (default postgres://postgres@127.0.0.1:5432/postgres)
 */
const AGENCIES = positiveInt('BENCH_AGENCIES', 3500);
const TIMEOUT_MINUTES = positiveInt('BENCH_TIMEOUT_MINUTES', 15);
const POLL_MS = 250;
const YEAR = 2078;
const REASON = 'Perpanjangan untuk uji beban notifikasi';

type Counts = Record<'notices' | 'delivered' | 'failed' | 'sink', number>;

const seconds = (ms: number | undefined) => (ms === undefined ? 'not reached' : `${(ms / 1000).toFixed(2)} s`);

const AGENCIES_SQL = `
  INSERT INTO agencies (code, name, cluster, province, zone, contacts, language)
  SELECT 'kab-' || n, 'Pemerintah Kabupaten Uji ' || n, 'kabupaten',
         (ARRAY['Jawa Timur', 'Sulawesi Selatan', 'Papua'])[n % 3 + 1],
         (ARRAY['WIB', 'WITA', 'WIT'])[n % 3 + 1],
         jsonb_build_array(jsonb_build_object('name', 'Admin', 'email', 'inovasi@kab-' || n || '.example.go.id')),
         CASE WHEN n % 10 = 0 THEN 'en' ELSE 'id' END
  FROM generate_series(1, $1::int) AS n`;

const COUNTS_SQL = `
  WITH ours AS (SELECT id FROM notices WHERE left(key, length($1)) = $1)
  SELECT (SELECT count(*)::int FROM ours) AS notices,
         (count(*) FILTER (WHERE d.status = 'delivered'))::int AS delivered,
         (count(*) FILTER (WHERE d.status = 'failed'))::int AS failed,
         (SELECT count(*)::int FROM mail_sink_messages) AS sink
  FROM deliveries d WHERE d.notice_id IN (SELECT id FROM ours)`;

console.log(`Notification throughput benchmark: ${AGENCIES} agencies, one deadline extension`);
runBenchmark(
  'notify',
  { NOTIFY_RETRY_INITIAL_SECONDS: '1' },
  async ({ baseUrl, databaseUrl, adminToken: token, onStop }) => {
    const db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    onStop('database client', () => db.end());
    const setupStarted = Date.now();
    await db.query(AGENCIES_SQL, [AGENCIES]);
    const one = async <T>(sql: string, params: unknown[] = []) => (await db.query<T & object>(sql, params)).rows[0];
    const { agencies } = await one<{ agencies: number }>('SELECT count(*)::int AS agencies FROM agencies');
    console.log(`  ${agencies} agencies inserted in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    const { cycleId, version } = await benchCycle(
      baseUrl,
      token,
      benchTemplate(`pkri-bench-notify-${YEAR}`, YEAR, 86_400),
    );
    type Stage = { key: string; status: string; closesAt: string };
    let submission: Stage | undefined;
    for (let waited = 0; submission?.status !== 'open'; waited += 250) {
      if (waited > 60_000) throw new Error(`the submission stage of ${cycleId} did not open within a minute`);
      await sleep(250);
      submission = (await call<{ stages: Stage[] }>(baseUrl, 'GET', `/cycles/${cycleId}`, undefined, token)).body
        .stages?.[0];
    }
    console.log(`  template v${version}, cycle ${cycleId}, stage "${submission.key}" open`);

    const closesAt = new Date(Date.parse(submission.closesAt) + 86_400_000).toISOString();
    const keyPrefix = `${cycleId}/deadline/${submission.key}/`;
    const counts = () => one<Counts>(COUNTS_SQL, [keyPrefix]);
    const describe = (c: Counts) =>
      `${c.notices} notices, ${c.delivered} delivered, ${c.failed} failed, ${c.sink} in the sink`;

    console.log(`  measuring: extending "${submission.key}" to ${closesAt}…`);
    const t0 = Date.now();
    let updateAnswer: string | undefined;
    let updateMs: number | undefined;
    const extend = `/cycles/${cycleId}/stages/${submission.key}/extend`;
    const update = call(baseUrl, 'POST', extend, { closesAt, reason: REASON }, token)
      .then(({ status, text }) => (updateAnswer = status === 200 ? '200' : `${status} ${text.slice(0, 300)}`))
      .catch((error: unknown) => (updateAnswer = `request error: ${String(error)}`))
      .finally(() => (updateMs = Date.now() - t0));
    let outboxMs: number | undefined;
    let deliveredMs: number | undefined;
    let now = await counts();
    let lastReport = t0;
    while (Date.now() - t0 < TIMEOUT_MINUTES * 60_000) {
      now = await counts();
      outboxMs ??= now.notices >= agencies ? Date.now() - t0 : undefined;
      if (now.delivered >= agencies) {
        deliveredMs = Date.now() - t0;
        break;
      }
      if (updateAnswer && /^\d/.test(updateAnswer) && updateAnswer !== '200') break;
      if (Date.now() - lastReport >= 10_000) {
        lastReport = Date.now();
        console.log(`  ${seconds(lastReport - t0)}: ${describe(now)}`);
      }
      await sleep(POLL_MS);
    }
    await Promise.race([update, sleep(5_000)]);

    const { messages, distinctIds, matching, retried } = await one<Record<string, number>>(`
    SELECT count(*)::int AS messages, count(DISTINCT message_id)::int AS "distinctIds",
           (count(DISTINCT message_id) FILTER (WHERE message_id IN (SELECT message_id FROM deliveries)))::int AS matching,
           (SELECT count(*)::int FROM delivery_attempts WHERE outcome <> 'accepted') AS retried
    FROM mail_sink_messages`);
    const rate = (ms: number | undefined) => (ms ? `${(agencies / (ms / 1000)).toFixed(1)} notifications/s` : 'n/a');
    console.log(
      [
        '',
        `Notification throughput: stage-deadline-extended on "${submission.key}" of cycle ${cycleId}, outbox → SMTP sink`,
        `  agencies       ${agencies} (${AGENCIES} requested), one notice and one e-mail each`,
        `  update         POST …/extend answered ${updateAnswer ?? 'nothing yet'} after ${seconds(updateMs)}`,
        `  outbox         ${now.notices} notices written after ${seconds(outboxMs)} (${rate(outboxMs)})`,
        `  delivered      ${now.delivered} delivered after ${seconds(deliveredMs)}`,
        `  throughput     ${rate(deliveredMs)} (agencies / time until all delivered)`,
        `  sink           ${messages} messages received, ${distinctIds} distinct Message-IDs (${matching} matching a delivery)`,
        `  failures       ${now.failed} failed deliveries, ${retried} failed attempts retried`,
        `  machine        ${machine()}`,
        `  setup          API, worker, mail sink, Temporal dev server and PostgreSQL (${new URL(ADMIN_DATABASE_URL).host}) on this machine, each its own process; NOTIFY_RETRY_INITIAL_SECONDS=1`,
      ].join('\n'),
    );
    const problems = [
      deliveredMs === undefined && `not all delivered within ${TIMEOUT_MINUTES} min: ${describe(now)}`,
      updateAnswer !== undefined && updateAnswer !== '200' && `the extension answered ${updateAnswer}`,
      distinctIds !== agencies && `the sink holds ${distinctIds} distinct Message-IDs, expected ${agencies}`,
      now.failed > 0 && `${now.failed} deliveries failed`,
    ].filter((problem): problem is string => Boolean(problem));
    for (const problem of problems) console.error(`FAILED: ${problem}`);
    return problems.length > 0 ? 1 : 0;
  },
);
