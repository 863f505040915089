import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client as PgClient } from 'pg';
import { compressCalendar, PKRI_2024, type CompetitionTemplate } from '../../libs/domain';
import { freePort, startDevServer } from '../../libs/temporal';
import { TahapProcess } from '../../test/support/process';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

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
const ADMIN_DATABASE_URL = process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const AGENCIES = positiveInt('BENCH_AGENCIES', 3500);
const TIMEOUT_MINUTES = positiveInt('BENCH_TIMEOUT_MINUTES', 15);
const POLL_MS = 250;
const YEAR = 2078;
const ADMIN = { email: 'bench-admin@tahap.test', password: randomBytes(12).toString('hex') };
const REASON = 'Perpanjangan untuk uji beban notifikasi';

type Step = { name: string; stop: () => Promise<unknown> };
type Counts = Record<'notices' | 'delivered' | 'failed' | 'sink', number>;

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}".`);
  return value;
}

async function withAdmin<T>(work: (admin: PgClient) => Promise<T>): Promise<T> {
  const admin = new PgClient({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect().catch((error: unknown) => {
    const hint = `The benchmark needs a PostgreSQL server at ${ADMIN_DATABASE_URL} (set BENCH_DATABASE_ADMIN_URL)`;
    throw new Error(`${hint}: ${String(error)}`, { cause: error });
  });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** PKRI 2024 compressed to start now, submission open for a day: it stays open through any run. */
function benchTemplate(): CompetitionTemplate {
  const stageSeconds = Object.fromEntries(PKRI_2024.stages.map((s) => [s.key, s.type === 'submission' ? 86_400 : 60]));
  const compressed = compressCalendar(PKRI_2024, { startAt: new Date(), stageSeconds });
  return { ...compressed, key: `pkri-bench-notify-${YEAR}`, year: YEAR };
}

async function call<T = any>(baseUrl: string, method: string, path: string, body: unknown, token?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, text };
}

async function expectStatus<T = any>(expected: number, what: string, request: ReturnType<typeof call<T>>) {
  const { status, body, text } = await request;
  if (status !== expected) throw new Error(`${what} answered ${status} (expected ${expected}): ${text}`);
  return body;
}

const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));
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

async function main(): Promise<number> {
  const started = Date.now();
  const steps: Step[] = [];
  let stopping: Promise<void> | undefined;
  const shutdown = () =>
    (stopping ??= (async () => {
      for (const { name, stop } of steps.reverse()) {
        await stop().catch((error: unknown) => console.error(`  ${name} did not stop cleanly: ${String(error)}`));
      }
    })());
  const onSignal = () => {
    console.error('\nInterrupted: stopping and dropping the benchmark database…');
    void shutdown().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    console.log(`Notification throughput benchmark: ${AGENCIES} agencies, one deadline extension`);
    const scratch = mkdtempSync(join(tmpdir(), 'tahap-bench-notify-'));
    steps.push({ name: 'scratch folder', stop: async () => rmSync(scratch, { recursive: true, force: true }) });

    const databaseName = `tahap_bench_notify_${process.pid}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${databaseName}`));
    steps.push({
      name: `database ${databaseName}`,
      stop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`)),
    });
    const databaseUrl = Object.assign(new URL(ADMIN_DATABASE_URL), { pathname: `/${databaseName}` }).toString();

    const [port, uiPort] = [await freePort(), await freePort()];
    const temporal = await startDevServer({
      projectRoot: PROJECT_ROOT,
      ip: '127.0.0.1',
      port,
      uiPort,
      dbFile: join(scratch, 'temporal.db'),
      logFile: join(scratch, 'temporal.log'),
      log: (line) => console.log(`  ${line}`),
    });
    steps.push({ name: 'Temporal dev server', stop: () => temporal.stop() });

    // The sink opens the database first, so the schema is in place for the agencies inserted below.
    const sink = new TahapProcess(
      'scripts/mail-sink.ts',
      { DATABASE_URL: databaseUrl, MAIL_SINK_PORT: '0' },
      join(scratch, 'mail-sink.log'),
    );
    const [, smtpUrl] = await sink.start(/Mail sink listening on (smtp:\/\/\S+)/);
    steps.push({ name: 'mail sink', stop: () => sink.stop() });

    const db = new PgClient({ connectionString: databaseUrl });
    await db.connect();
    steps.push({ name: 'database client', stop: () => db.end() });
    const setupStarted = Date.now();
    await db.query(AGENCIES_SQL, [AGENCIES]);
    const one = async <T>(sql: string, params: unknown[] = []) => (await db.query<T & object>(sql, params)).rows[0];
    const { agencies } = await one<{ agencies: number }>('SELECT count(*)::int AS agencies FROM agencies');
    console.log(`  ${agencies} agencies inserted in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

    const env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      SMTP_URL: smtpUrl,
      NOTIFY_RETRY_INITIAL_SECONDS: '1',
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      LOG_LEVEL: 'log',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ACCESS_TOKEN_MINUTES: '1440',
      TAHAP_ADMIN_EMAIL: ADMIN.email,
      TAHAP_ADMIN_PASSWORD: ADMIN.password,
    };
    const worker = new TahapProcess('apps/worker/main.ts', env, join(scratch, 'worker.log'));
    await worker.start(/Worker polling task queue/);
    steps.push({ name: 'worker', stop: () => worker.stop() });
    const api = new TahapProcess('apps/api/main.ts', env, join(scratch, 'api.log'));
    const [, baseUrl] = await api.start(/Tahap API listening on (http:\/\/\S+)/);
    steps.push({ name: 'API', stop: () => api.stop() });
    console.log(
      `  stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (API ${baseUrl}, Temporal ${temporal.address}, sink ${smtpUrl})`,
    );

    const { accessToken: token } = await expectStatus<{ accessToken: string }>(
      200,
      'admin login',
      call(baseUrl, 'POST', '/auth/login', ADMIN),
    );
    const template = benchTemplate();
    const { version } = await expectStatus<{ version: number }>(
      201,
      'creating the template',
      call(baseUrl, 'POST', '/templates', { definition: template }, token),
    );
    const { id: cycleId } = await expectStatus<{ id: string }>(
      201,
      'creating the cycle',
      call(baseUrl, 'POST', '/cycles', { templateKey: template.key, templateVersion: version }, token),
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
    const cpuList = cpus();
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
        `  machine        ${cpuList.length} × ${cpuList[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`,
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
  } catch (error) {
    console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await shutdown();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

void main().then((code) => {
  process.exitCode = code;
});
