import { compressedPkri, ensureAgencies, INNOVATION, startCycle } from '../support/fixtures';
import { Stack, type Caller } from '../support/stack';

jest.setTimeout(180_000);

/** Three yearly cycles open at once; only their submission stage is used, so the suite never waits for a stage. */
const YEARS = [2063, 2064, 2065] as const;
const ITEM_FIELDS = [
  'agencyCode',
  'agencyName',
  'cluster',
  'cycleId',
  'entryId',
  'group',
  'programme',
  'registeredAt',
  'result',
  'resultDecision',
  'status',
  'title',
  'year',
];
const UNKNOWN_ENTRY = '6f1e2a4c-0000-4000-8000-000000000063';

interface Item {
  entryId: string;
  agencyCode: string;
  year: number;
  [field: string]: unknown;
}
interface Lineage {
  entry: Item;
  innovation: Item[];
  original: Item | null;
  replications: Item[];
}

describe('[plenary] lineage of innovations', () => {
  const stack = Stack.shared();
  const cycles: Record<number, string> = {};
  const agencies: Record<'owner' | 'padang' | 'bojonegoro', Caller> = {} as never;
  /** The owner's innovation in 2063 and 2064, and the replications of it. */
  const ids: Record<string, string> = {};

  const entryCount = async (): Promise<number> =>
    (
      await stack.db.query('SELECT count(*)::int AS n FROM entries WHERE cycle_id = ANY($1)', [Object.values(cycles)])
    )[0].n;

  const register = (year: number, as: Caller, body: Record<string, unknown>) =>
    stack.request('POST', `/cycles/${cycles[year]}/entries`, { ...INNOVATION, ...body }, as);

  async function registered(year: number, as: Caller, body: Record<string, unknown>): Promise<string> {
    const { status, body: entry } = await register(year, as, body);
    if (status !== 201) throw new Error(`registering in ${year} answered ${status}: ${JSON.stringify(entry)}`);
    return entry.id as string;
  }

  const lineageOf = async (entryId: string, as: Caller = stack.admin) => {
    const { status, body } = await stack.request<Lineage>('GET', `/entries/${entryId}/lineage`, undefined, as);
    return { status, body };
  };
  const summary = (items: Item[]) => items.map((item) => `${item.year} ${item.agencyCode}`);

  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
    for (const year of YEARS)
      cycles[year] = await startCycle(stack, compressedPkri(year, { submission: 300, others: 60 }));
    agencies.owner = await stack.account('agency', 'kab-banyuwangi');
    agencies.padang = await stack.account('agency', 'kota-padang');
    agencies.bojonegoro = await stack.account('agency', 'kab-bojonegoro');

    const innovation = { title: 'Siswa Asuh Sebaya (SAS)', summary: 'Siswa mampu membantu biaya sekolah teman.' };
    ids.owner2063 = await registered(2063, agencies.owner, { ...innovation, group: 'keberlanjutan' });
    ids.owner2064 = await registered(2064, agencies.owner, {
      ...innovation,
      group: 'keberlanjutan',
      continuesEntryId: ids.owner2063,
    });
    const replication = { summary: 'Replikasi Siswa Asuh Sebaya di daerah kami.', group: 'replikasi' };
    ids.padang2064 = await registered(2064, agencies.padang, {
      ...replication,
      title: 'SAS Kota Padang',
      replicatesEntryId: ids.owner2063,
    });
    ids.bojonegoro2065 = await registered(2065, agencies.bojonegoro, {
      ...replication,
      title: 'SAS Bojonegoro',
      replicatesEntryId: ids.owner2064,
    });
  });
  afterAll(() => stack.stop());

  it('[plenary] lineage of a re-entered innovation lists both its years and the replications of either', async () => {
    const { status, body } = await lineageOf(ids.owner2064);
    expect(status).toBe(200);
    expect(body.entry).toMatchObject({
      entryId: ids.owner2064,
      agencyCode: 'kab-banyuwangi',
      agencyName: 'Pemerintah Kabupaten Banyuwangi',
      cycleId: cycles[2064],
      programme: 'pkri',
      year: 2064,
      group: 'keberlanjutan',
      cluster: 'kabupaten',
      status: 'active',
    });
    expect(summary(body.innovation)).toEqual(['2063 kab-banyuwangi', '2064 kab-banyuwangi']);
    expect(body.original).toBeNull();
    expect(body.replications.map((item) => item.entryId)).toEqual([ids.padang2064, ids.bojonegoro2065]);
    // Other agencies' entries appear only by the facts the competition makes public.
    for (const item of [body.entry, ...body.innovation, ...body.replications]) {
      expect(Object.keys(item).sort()).toEqual(ITEM_FIELDS);
      // No cycle here has announced results yet.
      expect(item).toMatchObject({ result: null, resultDecision: null });
    }
    // The owner sees the same for its own entries, and other agencies' by their public facts only.
    const owned = (await lineageOf(ids.owner2064, agencies.owner)).body;
    expect({ ...owned, replications: [] }).toEqual({ ...body, replications: [] });
    expect(owned.replications).toEqual(
      body.replications.map(({ status: _status, registeredAt: _registeredAt, ...published }) => published),
    );
    // The registration answer carries the link.
    const [stored] = await stack.db.query('SELECT continues_entry_id FROM entries WHERE id = $1', [ids.owner2064]);
    expect(stored.continues_entry_id).toBe(ids.owner2063);
    expect((await stack.request('GET', `/entries/${ids.owner2064}`)).body.continuesEntryId).toBe(ids.owner2063);
  });

  it('[plenary] lineage of a replication names its original', async () => {
    const padang = await lineageOf(ids.padang2064, agencies.padang);
    expect(padang.status).toBe(200);
    expect(padang.body.original).toMatchObject({
      entryId: ids.owner2063,
      year: 2063,
      title: 'Siswa Asuh Sebaya (SAS)',
    });
    expect(summary(padang.body.innovation)).toEqual(['2064 kota-padang']);
    expect(padang.body.replications).toEqual([]);
    const bojonegoro = await lineageOf(ids.bojonegoro2065, agencies.bojonegoro);
    expect(bojonegoro.body.original).toMatchObject({ entryId: ids.owner2064, year: 2064 });
  });

  it('[plenary] lineage follows a replication entered again, which both continues and replicates', async () => {
    ids.padang2065 = await registered(2065, agencies.padang, {
      title: 'SAS Kota Padang',
      summary: 'Replikasi Siswa Asuh Sebaya, tahun kedua.',
      group: 'replikasi',
      replicatesEntryId: ids.owner2063,
      continuesEntryId: ids.padang2064,
    });
    const padang = await lineageOf(ids.padang2065, agencies.padang);
    expect(summary(padang.body.innovation)).toEqual(['2064 kota-padang', '2065 kota-padang']);
    expect(padang.body.original?.entryId).toBe(ids.owner2063);
    // Oldest cycle first, then by agency name (Kabupaten Bojonegoro before Kota Padang).
    const owner = await lineageOf(ids.owner2063, agencies.owner);
    expect(owner.body.replications.map((item) => item.entryId)).toEqual([
      ids.padang2064,
      ids.bojonegoro2065,
      ids.padang2065,
    ]);
  });

  it('[plenary] lineage links can be added by an edit until the deadline, and the chain grows forwards', async () => {
    ids.owner2065 = await registered(2065, agencies.owner, {
      title: 'Siswa Asuh Sebaya (SAS)',
      summary: 'Siswa mampu membantu biaya sekolah teman, tahun ketiga.',
      group: 'keberlanjutan',
    });
    const edited = await stack.request(
      'PATCH',
      `/entries/${ids.owner2065}`,
      { continuesEntryId: ids.owner2064 },
      agencies.owner,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.continuesEntryId).toBe(ids.owner2064);
    const fromTheFirst = await lineageOf(ids.owner2063, agencies.owner);
    expect(summary(fromTheFirst.body.innovation)).toEqual([
      '2063 kab-banyuwangi',
      '2064 kab-banyuwangi',
      '2065 kab-banyuwangi',
    ]);
    const refused = await stack.request(
      'PATCH',
      `/entries/${ids.owner2065}`,
      { continuesEntryId: ids.padang2064 },
      agencies.owner,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.details.map((issue: { path: string }) => issue.path)).toEqual(['continuesEntryId']);
    const [stored] = await stack.db.query('SELECT continues_entry_id FROM entries WHERE id = $1', [ids.owner2065]);
    expect(stored.continues_entry_id).toBe(ids.owner2064);
  });

  it('[plenary] lineage links that are wrong are refused with the field and a reason, and nothing is written', async () => {
    const attempt = {
      title: 'Inovasi Lanjutan Uji',
      summary: 'Inovasi yang didaftarkan lagi.',
      group: 'keberlanjutan',
    };
    const withdrawn = await registered(2063, agencies.owner, { ...attempt, title: 'Inovasi yang Ditarik' });
    const withdrawal = { reason: 'Didaftarkan pada kelompok yang salah.' };
    expect((await stack.request('POST', `/entries/${withdrawn}/withdraw`, withdrawal, agencies.owner)).status).toBe(
      200,
    );
    const cases: [string, number, string, RegExp][] = [
      ['a withdrawn entry', 2064, withdrawn, /names an entry that was withdrawn/],
      ["another agency's entry", 2065, ids.padang2064, /another agency’s entry/],
      ['an entry of the same cycle', 2064, ids.owner2064, /\(2064\): give your entry from a cycle before 2064/],
      ['an entry of a later cycle', 2063, ids.owner2064, /\(2064\): give your entry from a cycle before 2063/],
      ['an unknown entry', 2065, UNKNOWN_ENTRY, /names no registered entry/],
    ];
    for (const [what, year, continuesEntryId, reason] of cases) {
      const before = await entryCount();
      const { status, body } = await register(year, agencies.owner, { ...attempt, continuesEntryId });
      expect(`${what}: ${status}`).toBe(`${what}: 422`);
      expect(body.details).toEqual([{ path: 'continuesEntryId', message: expect.stringMatching(reason) }]);
      expect(body.message).toMatch(/continuesEntryId/);
      expect(await entryCount()).toBe(before);
    }
    const notUuid = await register(2065, agencies.owner, { ...attempt, continuesEntryId: 'SAS-2064' });
    expect(notUuid.status).toBe(400);
    expect(notUuid.body.details.map((issue: { path: string }) => issue.path)).toEqual(['continuesEntryId']);
  });

  it('[plenary] lineage of an entry the caller may not see is not found', async () => {
    const evaluator = await stack.account('evaluator');
    for (const as of [agencies.padang, evaluator]) {
      expect((await lineageOf(ids.owner2064, as)).status).toBe(404);
    }
    expect((await lineageOf(UNKNOWN_ENTRY)).status).toBe(404);
    expect((await lineageOf('not-an-entry')).status).toBe(404);
    expect((await stack.request('GET', `/entries/${ids.owner2064}/lineage`, undefined, 'anonymous')).status).toBe(401);
    const auditor = await stack.account('auditor');
    expect((await lineageOf(ids.owner2064, auditor)).status).toBe(200);
  });
});
