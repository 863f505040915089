import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { API_PREFIX } from '../../apps/api/portal/api-prefix';
import { findTemporalCli } from '../../libs/temporal/temporal-cli';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

/**
 * Measures `npm start` from launch to a healthy /health, then Ctrl-C (SIGINT to its process group) to all its
 * processes gone. Prints whether the Temporal CLI had to be built (cold) and whether the data folder was new.
 * Usage: npm run bench:start [-- --data-dir DIR]   (a fresh temporary data folder unless DIR is given)
 */
async function main(): Promise<void> {
  const dataDirArg = process.argv.indexOf('--data-dir');
  const dataDir = dataDirArg > 0 ? resolve(process.argv[dataDirArg + 1]) : mkdtempSync(join(tmpdir(), 'tahap-bench-'));
  // The embedded PostgreSQL runs as its own OS user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  const freshData = !existsSync(join(dataDir, 'postgres'));
  const cliPresent = findTemporalCli(PROJECT_ROOT) !== undefined;
  const port = 3900 + Math.floor(Math.random() * 90);
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, API_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  // Ctrl-C only once start-up has finished (the demo seed runs after /health first answers).
  const up = new Promise<number>((done) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('Tahap is up')) done(Date.now() - started);
    });
  });
  let healthyAfter: number | undefined;
  while (Date.now() - started < 15 * 60_000) {
    const status = await fetch(`http://127.0.0.1:${port}/${API_PREFIX}/health`)
      .then((response) => response.status)
      .catch(() => 0);
    if (status === 200) {
      healthyAfter = Date.now() - started;
      break;
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  const upAfter = healthyAfter === undefined ? undefined : await Promise.race([up, exited.then(() => undefined)]);
  const stopping = Date.now();
  if (child.exitCode === null) process.kill(-child.pid!, 'SIGINT');
  const code = await exited;
  const stoppedAfter = Date.now() - stopping;
  const leftovers = await new Promise<string>((done) => {
    const ps = spawn('sh', ['-c', `ps -o pid=,args= -g ${child.pid} || true`]);
    let out = '';
    ps.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    ps.once('exit', () => done(out.trim()));
  });
  if (dataDirArg < 0) rmSync(dataDir, { recursive: true, force: true });
  console.log(`temporal CLI present before start: ${cliPresent ? 'yes (warm)' : 'no (built during start: cold)'}`);
  console.log(`data folder: ${freshData ? 'new (migrations and demo seed ran)' : 'reused'}`);
  console.log(
    `npm start → healthy /health: ${healthyAfter === undefined ? 'never (timed out)' : `${(healthyAfter / 1000).toFixed(1)} s`}`,
  );
  console.log(
    `npm start → "Tahap is up" (demo seeded): ${upAfter === undefined ? 'never' : `${(upAfter / 1000).toFixed(1)} s`}`,
  );
  console.log(
    `Ctrl-C → all stopped: ${(stoppedAfter / 1000).toFixed(1)} s, exit code ${code}, processes left: ${leftovers || 'none'}`,
  );
  if (upAfter === undefined || leftovers) process.exit(1);
}

void main();
