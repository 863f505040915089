import { PassThrough, type Readable } from 'node:stream';
import type { CycleReplay } from './audit.service';

/** The media type a client asks for (`Accept`) to read a cycle's replay as it goes. */
export const REPLAY_LINES_TYPE = 'application/x-ndjson';

/**
 * Often enough that a person sees the count move and no proxy or client takes the answer for a dead one (Node's
 * fetch gives up after 300 s without a byte), rarely enough that 10,000 verdicts are not 10,000 lines.
 */
const PROGRESS_EVERY_MS = 1000;

/**
 * A cycle's replay as lines of JSON: `{"progress":{"replayed":0,"total":N}}` at once, then at most one progress
 * line a second, then `{"result":{…}}` (the JSON answer's body) or `{"error":{"message":…}}`. A reader that goes
 * away stops the replay: no history is fetched for nobody. `failed` hears of a failure (to log it) as it is sent.
 */
export function replayLines(
  replay: CycleReplay,
  closed: { on(event: 'close', listener: () => void): void },
  failed: (error: Error) => void = () => undefined,
): Readable {
  const lines = new PassThrough();
  const send = (line: object) => lines.write(`${JSON.stringify(line)}\n`);
  const stop = new AbortController();
  let done = false;
  closed.on('close', () => {
    if (!done) stop.abort();
  });
  let lastSent = Date.now();
  send({ progress: { replayed: 0, total: replay.total } });
  replay
    .run({
      signal: stop.signal,
      onVerdict: (replayed) => {
        if (Date.now() - lastSent < PROGRESS_EVERY_MS) return;
        lastSent = Date.now();
        send({ progress: { replayed, total: replay.total } });
      },
    })
    .then(
      (result) => send({ result }),
      (error: Error) => {
        failed(error);
        send({ error: { message: `The replay stopped: ${error.message}` } });
      },
    )
    .finally(() => {
      done = true;
      lines.end();
    });
  return lines;
}
