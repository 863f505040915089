import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TEST_ENV } from './test-env';

const PROJECT_ROOT = resolve(__dirname, '..', '..');

/**
 * How to run a TypeScript entry: from the run's compiled build when the global setup made one (as production runs
 * `node dist/...`, and each start costs a fraction of compiling on the fly), else through ts-node.
 */
export function nodeArgs(entry: string): string[] {
  const build = process.env[TEST_ENV.build];
  return build ? [join(build, entry.replace(/\.ts$/, '.js'))] : ['-r', 'ts-node/register/transpile-only', entry];
}

/** One of Tahap's processes (`apps/api/main.ts`, `apps/worker/main.ts`), started as it is in production. */
export class TahapProcess {
  private child?: ChildProcess;
  private printed = '';

  constructor(
    private readonly entry: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
    private readonly args: string[] = [],
  ) {}

  /** The running process's id (undefined before start and after stop). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** What the process has printed to its standard output so far. */
  output(): string {
    return this.printed;
  }

  /** Starts the process and resolves with the match once it printed `readyLine`; fails with its log if it exits first. */
  async start(readyLine: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray> {
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [...nodeArgs(this.entry), ...this.args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...this.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    return new Promise<RegExpExecArray>((ready, fail) => {
      let waiting = true;
      const timer = setTimeout(() => {
        waiting = false;
        child.kill('SIGKILL');
        fail(new Error(`${this.entry} not ready after ${timeoutMs} ms:\n${this.tail()}`));
      }, timeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        this.printed += chunk.toString();
        // Only until it is ready: a process that logs for an hour would have its whole output searched at each line
        // (a 10,000-entry benchmark's driver spent 60 % of a core on it).
        if (!waiting) return;
        const match = readyLine.exec(this.printed);
        if (match) {
          waiting = false;
          clearTimeout(timer);
          ready(match);
        }
      });
      child.once('exit', (code) => {
        if (!waiting) return;
        waiting = false;
        clearTimeout(timer);
        fail(new Error(`${this.entry} exited with ${code} before it was ready:\n${this.tail()}`));
      });
    });
  }

  /** Resolves with the exit code when the process ends by itself (a crash the test provoked). */
  exited(): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child?.exitCode ?? null);
    return new Promise((done) => child.once('exit', (code) => done(code)));
  }

  /** SIGTERM stops it gracefully; SIGKILL is a crash. Resolves when the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((gone) => {
      child.once('exit', () => gone());
      child.kill(signal);
    });
  }

  private tail(): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '(no log)';
    }
  }
}
