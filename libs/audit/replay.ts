import type { temporal } from '@temporalio/proto';
import { Worker, type WorkflowBundle } from '@temporalio/worker';

/** What replaying one history against today's workflow code found. */
export interface ReplayVerdict {
  workflowId: string;
  ok: boolean;
  /** The first history event the code no longer produces or expects (null when the cause names no event). */
  divergedAt: { eventId: number; eventType: string } | null;
  message: string | null;
}

/** A history to replay: parsed (`historyFromJSON`, `fetchHistory`) or, from `list().intoHistories()`, as listed. */
export interface HistoryToReplay {
  workflowId: string;
  history: temporal.api.history.v1.IHistory | unknown;
}

/** The bundle replays run on: the production bundle file, or a bundle built in memory (`bundleWorkflowCode`). */
export type ReplayBundle = { codePath: string } | WorkflowBundle;

// Core reports the event it could not match as e.g. "… does not handle this event: HistoryEvent(id: 5, ActivityTaskScheduled)".
const DIVERGING_EVENT = /HistoryEvent\(id: (\d+), (\w+)/;

export function verdictOf(workflowId: string, error: unknown): ReplayVerdict {
  if (!error) return { workflowId, ok: true, divergedAt: null, message: null };
  const message = error instanceof Error ? error.message : String(error);
  const match = DIVERGING_EVENT.exec(message);
  return {
    workflowId,
    ok: false,
    divergedAt: match ? { eventId: Number(match[1]), eventType: match[2] } : null,
    message: match ? `event ${match[1]} (${match[2]}) no longer matches the workflow code` : message,
  };
}

/**
 * Replays histories on `lanes` replay workers (one bundle load each; replay is CPU-bound, so one lane per core is
 * the most that helps) and yields a verdict per history as it is known, so a caller can show progress. Each lane
 * takes the next history when it is free. Replay needs no Temporal server.
 */
export async function* replayHistories(
  bundle: ReplayBundle,
  histories: Iterable<HistoryToReplay> | AsyncIterable<HistoryToReplay>,
  lanes = 1,
): AsyncGenerator<ReplayVerdict> {
  const source = toAsyncIterator(histories);
  // Concurrent next() calls on one async iterator are queued, so each history goes to exactly one lane.
  const lane = async function* (): AsyncGenerator<HistoryToReplay> {
    for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  };
  const verdicts = Array.from({ length: Math.max(1, lanes) }, () =>
    Worker.runReplayHistories({ workflowBundle: bundle }, lane())[Symbol.asyncIterator](),
  );
  const pending = new Map(verdicts.map((iterator, index) => [index, nextOf(iterator, index)]));
  while (pending.size > 0) {
    const { index, result } = await Promise.race(pending.values());
    if (result.done) {
      pending.delete(index);
      continue;
    }
    pending.set(index, nextOf(verdicts[index], index));
    yield verdictOf(result.value.workflowId, result.value.error);
  }
}

function toAsyncIterator<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  return Symbol.asyncIterator in items
    ? items[Symbol.asyncIterator]()
    : (async function* () {
        yield* items;
      })();
}

function nextOf<T>(iterator: AsyncIterator<T>, index: number) {
  return iterator.next().then((result) => ({ index, result }));
}

export async function replayHistory(bundle: ReplayBundle, item: HistoryToReplay): Promise<ReplayVerdict> {
  for await (const verdict of replayHistories(bundle, [item])) return verdict;
  throw new Error(`Replay of ${item.workflowId} produced no result`);
}
