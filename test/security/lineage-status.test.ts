import { closeStage, compressedPkri, INNOVATION, openStage, stageReaches, startCycle } from '../support/fixtures';
import { eventually, Stack, type Caller } from '../support/stack';

jest.setTimeout(300_000);

const ORIGINAL_YEAR = 2053;
const REPLICATION_YEAR = 2054;
const AGENCIES = {
  owner: {
    code: 'kab-uji-keamanan-asal',
    name: 'Pemerintah Kabupaten Uji Keamanan Asal',
    cluster: 'kabupaten',
    province: 'Jawa Tengah',
    zone: 'WIB',
  },
  replicator: {
    code: 'kota-uji-keamanan-replika',
    name: 'Pemerintah Kota Uji Keamanan Replika',
    cluster: 'kota',
    province: 'Sulawesi Selatan',
    zone: 'WITA',
  },
} as const;

/** What the competition publishes about an entry (the nominee list, the results), and so all a lineage shows of another agency's. */
const PUBLIC_FIELDS = [
  'agencyCode',
  'agencyName',
  'cluster',
  'cycleId',
  'entryId',
  'group',
  'programme',
  'result',
  'resultDecision',
  'title',
  'year',
];

interface Item {
  entryId: string;
  status?: string;
  [field: string]: unknown;
}
interface Lineage {
  entry: Item;
  innovation: Item[];
  original: Item | null;
  replications: Item[];
}

describe('[security] lineage', () => {
  const stack = Stack.shared();
  const as: Record<keyof typeof AGENCIES, Caller> = {} as never;
  let original: string;
  let replication: string;

  const lineageOf = async (entryId: string, caller: Caller) => {
    const { status, body } = await stack.request<Lineage>('GET', `/entries/${entryId}/lineage`, undefined, caller);
    expect(status).toBe(200);
    return body;
  };

  beforeAll(async () => {
    await stack.start();
    for (const [key, agency] of Object.entries(AGENCIES) as [keyof typeof AGENCIES, (typeof AGENCIES)['owner']][]) {
      const created = await stack.request('POST', '/agencies', agency);
      if (created.status !== 201 && created.status !== 409) throw new Error(`agency answered ${created.status}`);
      as[key] = await stack.account('agency', agency.code);
    }
    const registered = async (cycleId: string, caller: Caller, body: Record<string, unknown>) => {
      const answer = await stack.request(
        'POST',
        `/cycles/${cycleId}/entries`,
        { summary: 'Inovasi untuk uji keamanan silsilah.', ...INNOVATION, ...body },
        caller,
      );
      if (answer.status !== 201)
        throw new Error(`registering answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      return answer.body.id as string;
    };

    const originalCycle = await startCycle(stack, compressedPkri(ORIGINAL_YEAR, { submission: 600, others: 600 }));
    original = await registered(originalCycle, as.owner, { title: 'Layanan Uji Asli', group: 'keberlanjutan' });

    // The replication fails screening (every undecided entry does here), so its agency's entry ends eliminated.
    const template = compressedPkri(REPLICATION_YEAR, { submission: 600, others: 600 });
    template.stages.find((stage) => stage.type === 'screening')!.params = { defaultOutcome: 'fail' };
    const replicationCycle = await startCycle(stack, template);
    await stageReaches(stack, replicationCycle, 'pendaftaran', 'open');
    replication = await registered(replicationCycle, as.replicator, {
      title: 'Replikasi Layanan Uji',
      group: 'replikasi',
      replicatesEntryId: original,
    });
    await closeStage(stack, replicationCycle, 'pendaftaran');
    await openStage(stack, replicationCycle, 'seleksi-administrasi');
    await closeStage(stack, replicationCycle, 'seleksi-administrasi');
    await stageReaches(stack, replicationCycle, 'seleksi-administrasi', 'closed');
    await eventually(
      'the replication to be eliminated',
      async () =>
        (await stack.request('GET', `/entries/${replication}`)).body.status === 'eliminated' ? true : undefined,
      180_000,
    );
  });
  afterAll(() => stack.stop());

  it("[security] lineage shows another agency's entry by its public facts only, never its status", async () => {
    // The secretariat sees that the replication was eliminated.
    const admin = await lineageOf(original, stack.admin);
    expect(admin.replications).toEqual([expect.objectContaining({ entryId: replication, status: 'eliminated' })]);

    // The original's agency sees that it was replicated, and by whom, but not how the replication fared.
    const owner = await lineageOf(original, as.owner);
    expect(JSON.stringify(owner)).not.toMatch(/eliminated/);
    expect(owner.replications.map((item) => item.entryId)).toEqual([replication]);
    expect(Object.keys(owner.replications[0]).sort()).toEqual(PUBLIC_FIELDS);
    // Its own entry it sees in full.
    expect(owner.entry).toMatchObject({ entryId: original, status: 'active' });

    // The replicating agency sees its own entry's status, and of the original only what is public.
    const replicator = await lineageOf(replication, as.replicator);
    expect(replicator.entry).toMatchObject({ entryId: replication, status: 'eliminated' });
    expect(replicator.original?.entryId).toBe(original);
    expect(Object.keys(replicator.original!).sort()).toEqual(PUBLIC_FIELDS);
  });
});
