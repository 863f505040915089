import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import type { CycleReplay, CycleReplayOptions, CycleReplaySummary } from './audit.service';
import { replayLines } from './replay-lines';

const summary: CycleReplaySummary = { cycleId: 'cycle-x', replayed: 3, ok: 3, diverged: [], notStarted: [] };

async function linesOf(stream: Readable): Promise<unknown[]> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** A replay whose verdicts arrive when the test says so. */
function heldReplay(total: number) {
  let options: CycleReplayOptions = {};
  let finish: (result: CycleReplaySummary) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const replay: CycleReplay = {
    total,
    run: (given = {}) => {
      options = given;
      return new Promise((resolve, reject) => {
        finish = resolve;
        fail = reject;
      });
    },
  };
  return {
    replay,
    verdict: (done: number) => options.onVerdict?.(done),
    finish: (result: CycleReplaySummary) => finish(result),
    fail: (error: Error) => fail(error),
    signal: () => options.signal,
  };
}

describe('a cycle replay read as lines', () => {
  it('sends the count at once, then the summary the JSON answer holds', async () => {
    const held = heldReplay(3);
    const lines = replayLines(held.replay, new EventEmitter());
    held.verdict(1);
    held.verdict(2);
    held.verdict(3);
    held.finish(summary);
    // Verdicts within the same second as the first line send no line of their own.
    expect(await linesOf(lines)).toEqual([{ progress: { replayed: 0, total: 3 } }, { result: summary }]);
  });

  it('sends a progress line once a second has passed since the last', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const held = heldReplay(10);
      const lines = replayLines(held.replay, new EventEmitter());
      jest.setSystemTime(1500);
      held.verdict(4);
      held.verdict(5);
      jest.setSystemTime(3000);
      held.verdict(9);
      held.finish({ ...summary, replayed: 10, ok: 10 });
      jest.useRealTimers();
      expect((await linesOf(lines)).slice(0, 3)).toEqual([
        { progress: { replayed: 0, total: 10 } },
        { progress: { replayed: 4, total: 10 } },
        { progress: { replayed: 9, total: 10 } },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('ends with the error a person can read when the replay fails', async () => {
    const held = heldReplay(2);
    const lines = replayLines(held.replay, new EventEmitter());
    held.fail(new Error('Temporal is unavailable'));
    expect((await linesOf(lines)).at(-1)).toEqual({
      error: { message: 'The replay stopped: Temporal is unavailable' },
    });
  });

  it('stops the replay when its reader leaves, and not after it has ended', async () => {
    const left = heldReplay(5);
    const response = new EventEmitter();
    replayLines(left.replay, response).resume();
    response.emit('close');
    expect(left.signal()?.aborted).toBe(true);

    const read = heldReplay(1);
    const done = new EventEmitter();
    const lines = replayLines(read.replay, done);
    read.finish(summary);
    await linesOf(lines);
    done.emit('close');
    expect(read.signal()?.aborted).toBe(false);
  });
});
