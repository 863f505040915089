import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dropProductionDatabases, startProductionStack } from './production-stack';

const PROJECT_ROOT = resolve(__dirname, '..', '..');
const DIR = resolve(PROJECT_ROOT, process.env.DATA_DIR ?? '.data', 'stack');
const PID_FILE = join(DIR, 'stack.pid');

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`${name} must be a port, got ${value}.`);
  return value;
}

/**
 * `npm run stack -- up`: the production topology on this machine, in the foreground (Ctrl-C, or `down` from another
 * terminal, stops it; its databases stay for the next `up`). `npm run stack -- down -- --drop` also drops them.
 */
async function up(): Promise<void> {
  const secretsFile = join(DIR, 'secrets.json');
  const secrets = existsSync(secretsFile)
    ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as { jwtSecret: string; adminPassword: string })
    : { jwtSecret: randomBytes(32).toString('hex'), adminPassword: randomBytes(12).toString('base64url') };
  const stack = await startProductionStack({
    projectRoot: PROJECT_ROOT,
    dir: DIR,
    postgres: { adminUrl: process.env.STACK_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    prefix: process.env.STACK_PREFIX ?? 'tahap_stack',
    temporalPort: port('STACK_TEMPORAL_PORT', 7300),
    apiPort: port('STACK_API_PORT', 3100),
    workers: 2,
    apis: 2,
    env: {
      JWT_SECRET: secrets.jwtSecret,
      TAHAP_ADMIN_EMAIL: 'admin@tahap.local',
      TAHAP_ADMIN_PASSWORD: secrets.adminPassword,
      WEB_DIR: process.env.WEB_DIR ?? join(PROJECT_ROOT, 'dist', 'web'),
      ...(process.env.SMTP_URL ? { SMTP_URL: process.env.SMTP_URL } : {}),
    },
    log: (line) => console.log(line),
  });
  writeFileSync(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  writeFileSync(PID_FILE, String(process.pid));
  console.log(
    [
      '',
      'The production topology is up:',
      `  Portal and API   ${stack.origin} (balanced over ${stack.apis.length} API replicas)`,
      `  Temporal server  ${stack.temporalAddress} (PostgreSQL persistence and visibility)`,
      `  Workers          ${stack.workers.length} on one task queue`,
      `  PostgreSQL       ${stack.databaseUrl.replace(/:[^:@/]*@/, ':…@')} (owns nothing; migrations as the owner)`,
      `  E-mail           ${stack.smtpUrl}`,
      `  Admin            admin@tahap.local / ${secrets.adminPassword}`,
      `  Logs             ${DIR}`,
      'Ctrl-C (or `npm run stack -- down`) stops it.',
    ].join('\n'),
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping…');
    void stack.stop().then(() => {
      rmSync(PID_FILE, { force: true });
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function down(drop: boolean): Promise<void> {
  if (existsSync(PID_FILE)) {
    const pid = Number(readFileSync(PID_FILE, 'utf8'));
    try {
      process.kill(pid, 'SIGTERM');
      while (existsSync(PID_FILE)) await new Promise((wait) => setTimeout(wait, 200));
    } catch {
      rmSync(PID_FILE, { force: true });
    }
    console.log('The production topology is stopped.');
  } else console.log('No production topology is running.');
  if (drop) {
    await dropProductionDatabases(
      process.env.STACK_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      process.env.STACK_PREFIX ?? 'tahap_stack',
    );
    console.log('Its databases and roles are dropped.');
  }
}

const [command, ...flags] = process.argv.slice(2);
(command === 'up'
  ? up()
  : command === 'down'
    ? down(flags.includes('--drop'))
    : Promise.reject(new Error('usage: npm run stack -- up | down [--drop]'))
).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
