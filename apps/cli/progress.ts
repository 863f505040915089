import { SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr (stdout stays for results, so scripts can parse it). On a terminal it redraws in
 * place; in a pipe or a CI log it prints a line now and then.
 */
export function progressBar(label: string, total: number): { tick(): void; stop(): void } {
  const bar = new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {value}/{total} {percentage}% {duration}s`,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
  });
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
