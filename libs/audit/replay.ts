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
 * Replays histories one after another on a single replay worker (one bundle load for all of them) and yields a
 * verdict per history as it is known, so a caller can show progress. Replay needs no Temporal server.
 */
export async function* replayHistories(
  bundle: ReplayBundle,
  histories: Iterable<HistoryToReplay> | AsyncIterable<HistoryToReplay>,
): AsyncGenerator<ReplayVerdict> {
  for await (const result of Worker.runReplayHistories({ workflowBundle: bundle }, histories)) {
    yield verdictOf(result.workflowId, result.error);
  }
}

export async function replayHistory(bundle: ReplayBundle, item: HistoryToReplay): Promise<ReplayVerdict> {
  for await (const verdict of replayHistories(bundle, [item])) return verdict;
  throw new Error(`Replay of ${item.workflowId} produced no result`);
}
