import { jsonLines } from './json-lines';

async function valuesOf(chunks: string[]): Promise<unknown[]> {
  const bytes = chunks.map((chunk) => new TextEncoder().encode(chunk));
  const values: unknown[] = [];
  for await (const value of jsonLines(
    (async function* () {
      yield* bytes;
    })(),
  ))
    values.push(value);
  return values;
}

describe('newline-delimited JSON read as it arrives', () => {
  it('joins a line cut across chunks and skips blank lines', async () => {
    expect(await valuesOf(['{"a":1}\n{"b"', ':2}\n\n', '{"c":3}\n'])).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('reads a last line with no newline after it', async () => {
    expect(await valuesOf(['{"a":1}\n{"b":2}'])).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('joins a character whose bytes are cut across chunks', async () => {
    const bytes = new TextEncoder().encode('{"t":"riwayat…"}\n');
    const cut = bytes.length - 4;
    const values: unknown[] = [];
    const chunks = (async function* () {
      yield bytes.slice(0, cut);
      yield bytes.slice(cut);
    })();
    for await (const value of jsonLines(chunks)) values.push(value);
    expect(values).toEqual([{ t: 'riwayat…' }]);
  });
});
