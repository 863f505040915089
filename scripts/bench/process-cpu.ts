import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock ticks per second for /proc times (USER_HZ; 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command name (which is in parentheses and may hold spaces). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** A process's parent, own CPU seconds and those of its children it has waited for, as stat(5) gives them. */
function cpuOf(pid: number): { parent: number; own: number; reaped: number } | undefined {
  const fields = statFields(pid);
  if (!fields) return undefined;
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((index) => Number(fields[index]));
  return {
    parent: Number(fields[1]),
    own: (utime + stime) / TICKS_PER_SECOND,
    reaped: (cutime + cstime) / TICKS_PER_SECOND,
  };
}

function commandOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** CPU seconds of one process so far (its own and its waited-for children's); 0 when it is gone. */
export function processCpuSeconds(pid: number | undefined): number {
  const cpu = pid === undefined ? undefined : cpuOf(pid);
  return cpu ? cpu.own + cpu.reaped : 0;
}

/**
 * CPU seconds of the whole PostgreSQL server so far: the postmaster, its live backends and workers, and the ones
 * that have exited (which the postmaster reaped). It serves other databases too; on a benchmark machine they idle.
 */
export function postgresCpuSeconds(): number {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => commandOf(pid) === 'postgres');
  const inServer = new Set(pids);
  let seconds = 0;
  for (const pid of pids) {
    const cpu = cpuOf(pid);
    if (!cpu) continue;
    seconds += cpu.own;
    // Only the postmaster (whose parent is no postgres process) counts its reaped children, once.
    if (!inServer.has(cpu.parent)) seconds += cpu.reaped;
  }
  return seconds;
}

/** The peak resident set of a process so far (VmHWM), in MiB; undefined when it is gone. */
export function peakRssMib(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) / 1024;
  } catch {
    return undefined;
  }
}

/** The processes whose CPU a benchmark reports, by name. */
export type ProcessSet = Record<string, () => number>;

/** CPU seconds of every process of the set at one instant. */
export function cpuSnapshot(processes: ProcessSet): Record<string, number> {
  return Object.fromEntries(Object.entries(processes).map(([name, seconds]) => [name, seconds()]));
}

/** What each process spent between two snapshots. */
export function cpuBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - (before[name] ?? 0)]));
}
