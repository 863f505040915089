/** What `tahap` exits with, so scripts can tell a finding from a mistake from an outage. */
export const EXIT = {
  /** Everything checked out. */
  ok: 0,
  /** The check ran and found a problem: a diverging replay, a broken chain, a damaged archive. */
  failed: 1,
  /** The command was wrong: an unknown option, a missing argument, an id that names nothing, no access. */
  usage: 2,
  /** The check could not run: the API unreachable or failing. */
  unavailable: 3,
} as const;

/** An error that ends the command with a given exit code and a message for the person at the terminal. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
