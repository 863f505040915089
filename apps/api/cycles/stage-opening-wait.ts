/**
 * How long "open now" waits for the stage to open before answering `202` (it opens once every entry has heard the
 * stage before it closed: minutes in a national cycle). Long enough that a small cycle answers `200` with the
 * opening instant, short of what clients and proxies wait for a silent answer.
 */
export const STAGE_OPENING_WAIT_MS = 10_000;

/**
 * The wait a client prefers (RFC 7240 `Prefer: wait=<seconds>`, or `respond-async` for none), in milliseconds,
 * never longer than the server's own.
 */
export function preferredWaitMs(prefer: string | undefined): number {
  const preferences = (prefer ?? '').toLowerCase().split(/\s*,\s*/);
  const wait = preferences.map((preference) => /^wait\s*=\s*(\d+)$/.exec(preference)).find(Boolean);
  if (wait) return Math.min(Number(wait[1]) * 1000, STAGE_OPENING_WAIT_MS);
  return preferences.includes('respond-async') ? 0 : STAGE_OPENING_WAIT_MS;
}
