import { PassThrough, type Readable } from 'node:stream';
import type { CycleReplay } from './audit.service';

/** The media type a client asks for (`Accept`) to read a cycle's replay as it goes. */
export const REPLAY_LINES_TYPE = 'application/x-ndjson';

/**
 * Often enough that a person sees the count move and no proxy or client takes the answer for a dead one (Node's
 * fetch gives up after 300 s without a byte), rarely enough that 10,000 verdicts are not 10,000 lines.
 */
export const PROGRESS_EVERY_MS = 1000;

/**
 * A cycle's replay as lines of JSON: `{"progress":{"replayed":n,"total":N}}` at once and every second, even while
 * no history finishes (the replay workers loading, a long history), then `{"result":{…}}` (the JSON answer's body)
 * or `{"error":{"message":…}}`. Destroying the stream (the server does when its reader leaves) stops the replay:
 * no history is fetched for nobody. `failed` hears of a failure (to log it) as it is sent.
 */
export function replayLines(replay: CycleReplay, failed: (error: Error) => void = () => undefined): Readable {
  const lines = new PassThrough();
  const send = (line: object) => lines.write(`${JSON.stringify(line)}\n`);
  const stop = new AbortController();
  lines.once('close', () => {
    if (!lines.writableEnded) stop.abort();
  });
  let replayed = 0;
  const progress = () => send({ progress: { replayed, total: replay.total } });
  progress();
  const beat = setInterval(progress, PROGRESS_EVERY_MS);
  replay
    .run({ signal: stop.signal, onVerdict: (count) => (replayed = count) })
    .then(
      (result) => send({ result }),
      (error: Error) => {
        failed(error);
        send({ error: { message: `The replay stopped: ${error.message}` } });
      },
    )
    .finally(() => {
      clearInterval(beat);
      lines.end();
    });
  return lines;
}
