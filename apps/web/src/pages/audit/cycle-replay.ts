import { api, ApiError, must } from '../../api/client';
import type { components } from '../../api/schema';
import { jsonLines } from '../../../../../libs/audit/json-lines';

export type CycleReplayResult = components['schemas']['AuditCycleReplayDto'];
export interface ReplayProgress {
  replayed: number;
  total: number;
}

type ReplayLine = { progress: ReplayProgress } | { result: CycleReplayResult } | { error: { message: string } };

/**
 * Replays every history of the cycle through the API's answer read line by line (a national cycle takes minutes),
 * telling `onProgress` the count as it moves; resolves with the summary the JSON answer would have held. Aborting
 * `signal` (the page is left) closes the answer, and the API stops the replay.
 */
export async function replayCycle(
  cycleId: string,
  onProgress: (progress: ReplayProgress) => void,
  signal: AbortSignal,
): Promise<CycleReplayResult> {
  const body = await must(
    api.GET('/api/audit/cycles/{cycleId}/replay', {
      params: { path: { cycleId } },
      headers: { Accept: 'application/x-ndjson' },
      parseAs: 'stream',
      signal,
    }),
  );
  for await (const line of jsonLines<ReplayLine>(chunksOf(body!))) {
    if ('result' in line) return line.result;
    if ('error' in line) throw new ApiError({ statusCode: 503, code: 'AUDIT.REPLAY_STOPPED', ...line.error });
    onProgress(line.progress);
  }
  throw new ApiError({ statusCode: 503, code: 'AUDIT.REPLAY_STOPPED', message: 'The replay ended without a result.' });
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  } finally {
    // Left early (the result read, a line that does not parse): close the answer rather than leave it open.
    reader.cancel().catch(() => undefined);
  }
}
