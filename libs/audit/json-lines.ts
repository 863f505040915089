/**
 * The values of a newline-delimited JSON body (`application/x-ndjson`) as its bytes arrive; a line may span chunks.
 * Shared by the portal and the benchmark, which both read a cycle's replay as it goes.
 */
export async function* jsonLines<T>(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<T> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line.trim()) yield JSON.parse(line) as T;
  }
  pending += decoder.decode();
  if (pending.trim()) yield JSON.parse(pending) as T;
}
