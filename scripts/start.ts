import 'reflect-metadata';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { bootstrapApi, OPENAPI_PATH } from '../apps/api/bootstrap';
import { API_PREFIX } from '../apps/api/portal/api-prefix';
import { bootstrapWorker } from '../apps/worker/bootstrap';
import { DEFAULTS, loadAuthConfig, loadConfig, readPort } from '../libs/config';
import { startMailSink } from '../libs/mail-sink';
import { openDatabase } from '../libs/persistence';
import { startEmbeddedPostgres } from '../libs/persistence/embedded-postgres';
import { onParentGone, startOrphanGuard } from '../libs/process';
import { startDevServer } from '../libs/temporal';
import { buildWeb } from './build-web';
import { DemoActors } from './demo-actors';
import { signedIn } from './demo-caller';
import { seedDemo, type DemoPace } from './demo-seed';
import { localDevServerOptions } from './local-temporal';
import { localSecrets } from './local-secrets';

const PROJECT_ROOT = resolve(__dirname, '..');

/**
 * `npm start`: the whole of Tahap on one machine. Brings up PostgreSQL and Temporal (embedded unless DATABASE_URL /
 * TEMPORAL_ADDRESS point elsewhere), the worker and the API, seeds an empty database with the demo cycle, runs the
 * demo's people through it, and stops everything it started on Ctrl-C, on SIGINT or SIGTERM to `npm` alone (the
 * script runs as npm's own child, by `exec`), and when npm is gone (even by SIGKILL); were this process itself
 * killed, a guard process stops the servers it started. Data stays under .data/ between runs.
 * `npm start -- --fast` runs the demo cycle in about two minutes instead of about 27.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const pace: DemoPace = process.argv.includes('--fast') ? 'fast' : 'normal';
  const dataDir = resolve(PROJECT_ROOT, process.env.DATA_DIR ?? DEFAULTS.dataDir);
  const stops: { name: string; stop: () => Promise<unknown> }[] = [];
  const guard = startOrphanGuard();
  let stopping = false;
  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Tahap…');
    for (const { name, stop } of stops.reverse()) {
      await stop().catch((error: unknown) => console.error(`  ${name} did not stop cleanly: ${String(error)}`));
      console.log(`  ${name} stopped`);
    }
    process.exit(exitCode);
  };

  try {
    // The portal is built afresh at every start (seconds), while PostgreSQL and Temporal come up, unless WEB_DIR
    // names a portal built already.
    const webDir = process.env.WEB_DIR ?? join(dataDir, 'web');
    const webBuilt = process.env.WEB_DIR ? Promise.resolve() : buildWeb(webDir);
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgres({
        dataDir,
        port: readPort(process.env, 'EMBEDDED_POSTGRES_PORT', DEFAULTS.embeddedPostgresPort),
      });
      guard.watch('postgres', { pid: postgres.pid, signal: 'SIGINT' });
      stops.push({ name: 'PostgreSQL (embedded)', stop: () => postgres.stop().then(() => guard.forget('postgres')) });
      databaseUrl = postgres.url;
    }
    // embedded-postgres installs exit hooks that stop its server and exit at once on a signal; this script stops
    // everything itself, in order (API, worker, Temporal, then PostgreSQL), so it takes the signals over.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
    process.on('SIGINT', () => void shutdown(0));
    process.on('SIGTERM', () => void shutdown(0));
    onParentGone(() => void shutdown(0));

    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let temporalUi = process.env.TEMPORAL_UI_URL ?? '(your Temporal cluster’s UI)';
    if (!temporalAddress) {
      const temporal = await startDevServer(localDevServerOptions(PROJECT_ROOT, dataDir));
      // In a process group of its own (a Ctrl-C reaches only this script, which stops it last).
      if (temporal.pid) guard.watch('temporal', { pid: temporal.pid, group: true, signal: 'SIGTERM' });
      stops.push({ name: 'Temporal dev server', stop: () => temporal.stop().then(() => guard.forget('temporal')) });
      temporalAddress = temporal.address;
      temporalUi = temporal.uiUrl;
    }
    let smtpUrl = process.env.SMTP_URL;
    if (!smtpUrl) {
      const sinkDatabase = await openDatabase(databaseUrl);
      const sink = await startMailSink(sinkDatabase, {
        host: '127.0.0.1',
        port: readPort(process.env, 'MAIL_SINK_PORT', DEFAULTS.mailSinkPort),
      });
      stops.push({ name: 'mail sink', stop: () => sink.stop().then(() => sinkDatabase.destroy()) });
      smtpUrl = sink.url;
    }
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      SMTP_URL: smtpUrl,
      // Demo webhooks may point at a receiver on this machine.
      WEBHOOKS_ALLOW_PRIVATE: process.env.WEBHOOKS_ALLOW_PRIVATE ?? 'true',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // Read by a person in this terminal; a deployment's log collector gets JSON lines (the default).
      LOG_FORMAT: process.env.LOG_FORMAT ?? 'text',
      WEB_DIR: webDir,
    });
    const worker: INestApplicationContext = await bootstrapWorker(config);
    stops.push({ name: 'worker', stop: () => worker.close() });
    const secrets = localSecrets(dataDir);
    const admin = secrets.logins.find((login) => login.role === 'admin')!;
    const auth = loadAuthConfig({
      JWT_SECRET: secrets.jwtSecret,
      TAHAP_ADMIN_EMAIL: admin.email,
      TAHAP_ADMIN_PASSWORD: admin.password,
      ...process.env,
    });
    await webBuilt;
    const api: INestApplication = await bootstrapApi(config, auth);
    stops.push({ name: 'API', stop: () => api.close() });

    const portalUrl = `http://${config.apiHost}:${config.apiPort}`;
    const apiUrl = `${portalUrl}/${API_PREFIX}`;
    const seededCycle = await seedDemo(apiUrl, secrets.logins, pace);
    const demoCycle = seededCycle ?? (await unfinishedCycle(apiUrl, secrets.logins));
    if (demoCycle) {
      const actors = await DemoActors.start(apiUrl, secrets.logins, demoCycle, {
        pace,
        say: (line) => console.log(line),
      });
      stops.push({ name: 'demo actors', stop: async () => actors.stop() });
    }
    const health = await fetch(`${apiUrl}/health`).then((response) => response.status);
    console.log(
      [
        '',
        `Tahap is up in ${((Date.now() - started) / 1000).toFixed(1)} s (health: ${health === 200 ? 'ok' : health})`,
        `  Portal       ${portalUrl}   (sign in with a login below)`,
        `  API          ${apiUrl}`,
        `  Health       ${apiUrl}/health`,
        `  OpenAPI      ${portalUrl}/${OPENAPI_PATH}   (document: ${portalUrl}/${OPENAPI_PATH}-json)`,
        `  Temporal     ${config.temporalAddress}   UI: ${temporalUi}`,
        `  E-mail       ${smtpUrl}${process.env.SMTP_URL ? '' : '   (local sink: GET /api/mail-sink/messages as admin)'}`,
        `  PostgreSQL   ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}`,
        `  Data         ${dataDir}`,
        seededCycle
          ? `  Demo         cycle ${seededCycle}: the 9 innovations of PKRI 2024's last interview day, every stage to the announced winners in about ${pace === 'fast' ? '3' : '27'} minutes`
          : '  Demo         existing data kept (the demo is seeded only into an empty database)',
        ...(demoCycle
          ? [
              '               demo people score, interview, vote and close the plenary late in each stage; sign in as one to act first',
              `  Open first   ${portalUrl}/siklus/${demoCycle} as admin, to watch the stages move`,
            ]
          : []),
        `  Logins       (portal, or POST /api/auth/login; kept in ${join(dataDir, 'secrets.json')})`,
        ...secrets.logins.map((login) => `    ${login.role.padEnd(10)} ${login.email.padEnd(30)} ${login.password}`),
        `  Try          TOKEN=$(curl -s ${apiUrl}/auth/login -H 'content-type: application/json' \\`,
        `                 -d '{"email":"${admin.email}","password":"${admin.password}"}' | sed 's/.*"accessToken":"\\([^"]*\\)".*/\\1/')`,
        `               curl -H "Authorization: Bearer $TOKEN" ${apiUrl}/cycles/${seededCycle ?? 'cycle-pkri-2024'}`,
        '',
        'Ctrl-C stops everything started here.',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`Tahap could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

/** The newest cycle still running, whose demo people carry on after a restart; none when the demo logins fail. */
async function unfinishedCycle(apiUrl: string, logins: { role: string; email: string; password: string }[]) {
  try {
    const admin = await signedIn(
      apiUrl,
      logins.find((login) => login.role === 'admin')!,
    );
    const cycles = await admin<{ id: string; status: string }[]>('GET', '/cycles');
    return cycles.find((cycle) => cycle.status === 'running')?.id;
  } catch {
    return undefined;
  }
}

void main();
