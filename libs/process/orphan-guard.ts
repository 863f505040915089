import { spawn } from 'node:child_process';

/** Marks the guard's command line, so a test or an operator can tell it from any other node process. */
export const ORPHAN_GUARD_MARK = 'tahap-orphan-guard';

/**
 * The guard, a few lines of plain JavaScript run with `node -e`: it holds the processes it is told of, and when its
 * IPC channel to the parent closes (the parent ended, however: Ctrl-C, a crash, SIGKILL) it signals those still
 * alive, waits up to eight seconds, and kills what is left.
 */
const GUARD_SOURCE = `/* ${ORPHAN_GUARD_MARK} */
const watched = new Map();
const target = (entry) => (entry.group ? -entry.pid : entry.pid);
const alive = (entry) => { try { process.kill(target(entry), 0); return true; } catch { return false; } };
const send = (entry, signal) => { try { process.kill(target(entry), signal); } catch {} };
process.on('message', (message) => {
  if (message.watch) watched.set(message.key, message.watch);
  if (message.forget) watched.delete(message.forget);
});
process.on('disconnect', () => {
  for (const entry of watched.values()) if (alive(entry)) send(entry, entry.signal);
  const deadline = Date.now() + 8000;
  setInterval(() => {
    const left = [...watched.values()].filter(alive);
    if (left.length > 0 && Date.now() < deadline) return;
    for (const entry of left) send(entry, 'SIGKILL');
    process.exit(0);
  }, 200);
});
`;

export interface WatchedProcess {
  pid: number;
  /** The pid leads a process group of its own (spawned `detached`): the whole group is signalled. */
  group?: boolean;
  /** How it is asked to stop (PostgreSQL: SIGINT, a fast shutdown); SIGKILL follows after eight seconds. */
  signal: NodeJS.Signals;
}

export interface OrphanGuard {
  watch(key: string, process: WatchedProcess): void;
  /** Stopped by the parent itself: nothing to do for it any more. */
  forget(key: string): void;
}

/**
 * A process of its own group that outlives this one and stops the servers this one started (the Temporal dev
 * server in its own group, an embedded PostgreSQL) once this one is gone, even by SIGKILL, which no handler sees.
 * It keeps nothing alive: the parent exits as if it were not there.
 */
export function startOrphanGuard(): OrphanGuard {
  const guard = spawn(process.execPath, ['-e', GUARD_SOURCE], {
    detached: true,
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  guard.unref();
  guard.channel?.unref();
  const tell = (message: object) => {
    if (guard.connected) guard.send(message);
  };
  return {
    watch: (key, watched) => tell({ key, watch: watched }),
    forget: (key) => tell({ forget: key }),
  };
}
