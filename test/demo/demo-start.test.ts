import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ORPHAN_GUARD_MARK } from '../../libs/process';
import { ADMIN_DATABASE_URL } from '../support/global-setup';
import { createScratchDatabase, type ScratchDatabase } from '../../libs/persistence/scratch-database';
import { findTemporalCli, freePort } from '../../libs/temporal';
import { TahapProcess } from '../support/process';
import { eventually } from '../support/stack';
import { testEnv } from '../support/test-env';

/**
 * `npm start -- --fast` on an empty data folder, as a newcomer runs it: its own Temporal dev server and mail sink,
 * the demo seeded, and the demo's people carrying the cycle to announced winners with nobody touching anything.
 * The database is a fresh one on the run's PostgreSQL rather than an embedded server, to spare the machine an initdb.
 */
/** Ids of the processes whose command line holds `text` (Linux's /proc). */
function processesMentioning(text: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('[demo] npm start runs a whole cycle by itself', () => {
  let database: ScratchDatabase;
  let start: TahapProcess;
  let log: string;
  let portal: string;
  let dataDir: string;

  beforeAll(async () => {
    database = await createScratchDatabase(
      ADMIN_DATABASE_URL,
      `tahap_demo_${process.pid}_${Date.now()}`,
      'TEST_DATABASE_ADMIN_URL',
    );
    dataDir = mkdtempSync(join(testEnv('scratch'), 'demo-'));
    log = join(dataDir, 'start.log');
    const [apiPort, temporalPort, temporalUiPort, mailPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    start = new TahapProcess(
      'scripts/start.ts',
      {
        DATA_DIR: dataDir,
        DATABASE_URL: database.url,
        API_PORT: String(apiPort),
        TEMPORAL_PORT: String(temporalPort),
        TEMPORAL_UI_PORT: String(temporalUiPort),
        MAIL_SINK_PORT: String(mailPort),
        // The run's portal build and Temporal CLI: the compiled script looks for neither beside itself.
        WEB_DIR: join(testEnv('build'), 'web'),
        TEMPORAL_CLI_PATH: findTemporalCli(resolve(__dirname, '..', '..')) ?? '',
      },
      log,
      ['--fast'],
    );
    [, portal] = await start.start(/Portal\s+(http:\/\/\S+)/, 120_000);
  });
  afterAll(async () => {
    await start?.stop();
    await database?.drop();
  });

  it('[demo] with the fast flag the demo cycle reaches an announced decision with winners, with no human action', async () => {
    const printed = start.output();
    for (const role of ['admin', 'agency', 'evaluator', 'panelist', 'auditor'])
      expect(printed).toMatch(new RegExp(`\\n\\s+${role}\\s+\\S+@`));
    const cycleId = /Open first\s+\S+\/siklus\/(\S+)/.exec(printed)![1];

    // The demo says when its cycle is complete; a cycle stuck on the way fails with what the demo printed.
    await eventually(
      'the demo cycle to complete',
      async () => (/Demo: the cycle is complete/.test(start.output()) ? true : undefined),
      300_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the demo printed:\n${start.output().slice(-4_000)}`);
    });
    const answer = await fetch(`${portal}/api/cycles/${cycleId}/results`);
    expect(answer.status).toBe(200);
    const results = (await answer.json()) as { groups: { winners: unknown[] }[] };
    expect(results.groups.flatMap((group) => group.winners).length).toBeGreaterThan(0);
    // The demo's people did the work: the evaluator's sheets, the interviews, the plenary's close.
    const said = start.output();
    expect(said).toMatch(/Demo: the evaluator scored \d+ innovation/);
    expect(said).toMatch(/Demo: a panelist interviewed and scored an innovation/);
    expect(said).toMatch(/Demo: the panelists approved the list and the secretariat closed/);
  }, 360_000);

  it('[production] SIGKILL of npm start leaves no process of its own running after 10 s: its guard stops the Temporal dev server it started', async () => {
    // The dev server runs in a process group of its own, so no signal to the script's group reaches it either.
    const [temporal] = processesMentioning(join(dataDir, 'temporal'));
    expect(temporal).toBeGreaterThan(0);
    expect(processesMentioning(ORPHAN_GUARD_MARK).length).toBeGreaterThan(0);
    await start.stop('SIGKILL');
    await eventually(
      'no process of npm start to be left',
      async () =>
        processesMentioning(join(dataDir, 'temporal')).length === 0 &&
        processesMentioning(ORPHAN_GUARD_MARK).length === 0
          ? true
          : undefined,
      10_000,
    );
  });

  it('[production] a process started by npm start notices when its parent is killed with SIGKILL, and stops', async () => {
    const [ready, stopped] = [join(dataDir, 'child-ready'), join(dataDir, 'parent-gone')];
    const watcher = join(testEnv('build'), 'libs', 'process', 'parent-watch.js');
    const child = `const { writeFileSync } = require('node:fs');
      require(${JSON.stringify(watcher)}).onParentGone(() => { writeFileSync(${JSON.stringify(stopped)}, ''); process.exit(0); });
      writeFileSync(${JSON.stringify(ready)}, ''); setInterval(() => undefined, 1000);`;
    // A parent that waits for its child, as npm does; SIGKILL ends it without a word to the child.
    const parent = spawn('sh', ['-c', '"$NODE" -e "$CHILD" & wait'], {
      stdio: 'ignore',
      env: { ...process.env, NODE: process.execPath, CHILD: child },
    });
    await eventually('the child to watch its parent', async () => (existsSync(ready) ? true : undefined), 10_000);
    expect(existsSync(stopped)).toBe(false);
    parent.kill('SIGKILL');
    await eventually('the child to notice', async () => (existsSync(stopped) ? true : undefined), 5_000);
  });
});
