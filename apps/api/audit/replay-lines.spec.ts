import type { Readable } from 'node:stream';
import type { CycleReplay, CycleReplayOptions, CycleReplaySummary } from './audit.service';
import { PROGRESS_EVERY_MS, replayLines } from './replay-lines';

const summary: CycleReplaySummary = { cycleId: 'cycle-x', replayed: 3, ok: 3, diverged: [], notStarted: [] };

async function linesOf(stream: Readable): Promise<unknown[]> {
  let text = '';
  for await (const chunk of stream) text += chunk;
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** A replay whose verdicts arrive when the test says so; like the service's, it ends soon after it is aborted. */
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
        given.signal?.addEventListener('abort', () => resolve({ ...summary, replayed: 0, ok: 0 }));
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
  afterEach(() => jest.useRealTimers());

  it('sends the count at once, then the summary the JSON answer holds', async () => {
    const held = heldReplay(3);
    const lines = replayLines(held.replay);
    held.verdict(1);
    held.verdict(3);
    held.finish(summary);
    // Verdicts do not send lines of their own: 10,000 of them would be 10,000 lines.
    expect(await linesOf(lines)).toEqual([{ progress: { replayed: 0, total: 3 } }, { result: summary }]);
  });

  it('sends the latest count every second, also while no history finishes', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    const held = heldReplay(10);
    const lines = replayLines(held.replay);
    held.verdict(4);
    jest.advanceTimersByTime(PROGRESS_EVERY_MS);
    jest.advanceTimersByTime(PROGRESS_EVERY_MS);
    held.verdict(9);
    jest.advanceTimersByTime(PROGRESS_EVERY_MS);
    held.finish({ ...summary, replayed: 10, ok: 10 });
    jest.useRealTimers();
    expect(await linesOf(lines)).toEqual([
      { progress: { replayed: 0, total: 10 } },
      { progress: { replayed: 4, total: 10 } },
      { progress: { replayed: 4, total: 10 } },
      { progress: { replayed: 9, total: 10 } },
      { result: { ...summary, replayed: 10, ok: 10 } },
    ]);
  });

  it('ends with the error a person can read when the replay fails, and tells the caller', async () => {
    const held = heldReplay(2);
    const failures: string[] = [];
    const lines = replayLines(held.replay, (error) => failures.push(error.message));
    held.fail(new Error('Temporal is unavailable'));
    expect((await linesOf(lines)).at(-1)).toEqual({
      error: { message: 'The replay stopped: Temporal is unavailable' },
    });
    expect(failures).toEqual(['Temporal is unavailable']);
  });

  it('stops the replay when its reader leaves, and not after it has ended', async () => {
    const left = heldReplay(5);
    replayLines(left.replay).destroy();
    await new Promise((settle) => setImmediate(settle));
    expect(left.signal()?.aborted).toBe(true);

    const read = heldReplay(1);
    const lines = replayLines(read.replay);
    read.finish(summary);
    await linesOf(lines);
    lines.destroy();
    expect(read.signal()?.aborted).toBe(false);
  });
});
