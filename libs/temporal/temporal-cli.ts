import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';

/** The CLI tag that `go install` accepts; newer tags carry `replace` directives that it refuses. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where the project keeps binaries it builds itself (gitignored). */
export function toolsBinDir(projectRoot: string): string {
  return resolve(projectRoot, '.tools', 'bin');
}

/**
 * The same build kept once per user (`$XDG_CACHE_HOME/tahap`, else `~/.cache/tahap`), by version: another checkout of
 * the project on this machine (a CI clone) reuses it instead of linking the CLI again.
 */
export function userCachedCli(env: NodeJS.ProcessEnv = process.env): string {
  const version = TEMPORAL_CLI_MODULE.split('@')[1];
  return join(userCacheRoot(env), `temporal-cli-${version}`, 'temporal');
}

/** `$XDG_CACHE_HOME/tahap`, else `~/.cache/tahap`: where builds of Temporal's binaries are kept by version. */
export function userCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tahap');
}

/** Looks for the `temporal` CLI: TEMPORAL_CLI_PATH, then PATH, then .tools/bin, then the per-user cache. */
export function findTemporalCli(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.TEMPORAL_CLI_PATH?.trim();
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file.`);
    return explicit;
  }
  const candidates = [
    ...(env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, 'temporal')),
    join(toolsBinDir(projectRoot), 'temporal'),
    userCachedCli(env),
  ];
  return candidates.find(isExecutable);
}

export function hasGo(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Builds the CLI into .tools/bin with the Go toolchain (pure Go, CGO off, so no C compiler is needed).
 * Returns undefined when Go is not installed; the caller then falls back to the SDK's download.
 */
export function buildTemporalCli(projectRoot: string, log: (line: string) => void = console.log): string | undefined {
  if (!hasGo()) return undefined;
  const bin = toolsBinDir(projectRoot);
  mkdirSync(bin, { recursive: true });
  log(`Building the Temporal CLI with Go (${TEMPORAL_CLI_MODULE}); the first build takes a few minutes…`);
  execFileSync('go', ['install', TEMPORAL_CLI_MODULE], {
    stdio: 'inherit',
    env: { ...process.env, CGO_ENABLED: '0', GOBIN: bin, GOFLAGS: '-mod=mod' },
  });
  const built = join(bin, 'temporal');
  const cached = userCachedCli();
  try {
    mkdirSync(dirname(cached), { recursive: true });
    copyFileSync(built, cached);
  } catch (error) {
    log(`The Temporal CLI was not kept in ${cached} for other checkouts: ${String(error)}`);
  }
  return built;
}

export function ensureTemporalCli(projectRoot: string, log?: (line: string) => void): string | undefined {
  return findTemporalCli(projectRoot) ?? buildTemporalCli(projectRoot, log);
}
