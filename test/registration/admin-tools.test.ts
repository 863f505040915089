import { compressedPkri, cycleStatus, ensureAgencies, INNOVATION, startCycle } from '../support/fixtures';
import { eventually, Stack } from '../support/stack';

const HEADER = 'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language';

describe('[registration] admin tools', () => {
  const stack = Stack.shared();
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  it('[registration] a CSV import takes every row, or none and reports each bad row with its line and reason', async () => {
    const good = [
      HEADER,
      'kab-jayapura-uji,Pemerintah Kabupaten Jayapura,Kabupaten,Papua,wit,Humas,humas@jayapurakab.go.id,,en',
      '"kota-makassar-uji","Pemerintah Kota Makassar, Sulawesi Selatan",kota,Sulawesi Selatan,WITA,Humas,humas@makassar.go.id,+62 411 123456,id',
    ].join('\n');
    const bad = [
      HEADER,
      'kab-sorong-uji,Pemerintah Kabupaten Sorong,kabupaten,Papua Barat Daya,WIT,Humas,humas@sorongkab.go.id,,id',
      'kab-jayapura-uji,Duplikat yang sudah ada,kabupaten,Papua,WIT,Humas,humas@contoh.go.id,,id',
      'kota-x,Kota X,desa,Jawa Barat,WIB,Humas,bukan-email,,id',
    ].join('\n');
    const refused = await stack.request('POST', '/agencies/import', good.replace('kota-makassar-uji', 'Kota Makassar'));
    expect(refused.status).toBe(422);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: 'line 3 code' })]);

    const imported = await stack.request('POST', '/agencies/import', good);
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 2 });
    const jayapura = (await stack.request('GET', '/agencies/kab-jayapura-uji')).body;
    expect(jayapura).toMatchObject({
      cluster: 'kabupaten',
      zone: 'WIT',
      language: 'en',
      contacts: [{ name: 'Humas' }],
    });

    const mixed = await stack.request('POST', '/agencies/import', bad);
    expect(mixed.status).toBe(422);
    expect(mixed.body.message).toMatch(/^Nothing was imported/);
    expect(mixed.body.details.map((issue: { path: string }) => issue.path)).toEqual([
      'line 3 code',
      'line 4 cluster',
      'line 4 contact_email',
    ]);
    expect((await stack.request('GET', '/agencies/kab-sorong-uji')).status).toBe(404);
  });

  it('[registration] two template versions compare field by field', async () => {
    const base = { ...compressedPkri(2089, { submission: 600, others: 60 }), key: 'banding-test' };
    expect((await stack.request('POST', '/templates', { definition: base })).status).toBe(201);
    const changed = structuredClone(base);
    changed.stages[0].name = 'Pendaftaran Inovasi';
    changed.stages[2].params = { evaluatorsPerEntry: 3 };
    expect((await stack.request('POST', '/templates', { definition: changed })).status).toBe(201);
    const { status, body } = await stack.request('GET', '/templates/banding-test/compare?from=1&to=2');
    expect(status).toBe(200);
    expect(body.changes.map((change: { path: string }) => change.path)).toEqual([
      'stages[pendaftaran].name',
      'stages[evaluasi-desk].params.evaluatorsPerEntry',
    ]);
    expect((await stack.request('GET', '/templates/banding-test/compare?from=1&to=9')).status).toBe(404);
    expect((await stack.request('GET', '/templates/banding-test/compare?from=satu&to=2')).status).toBe(400);
  });

  it('[registration] a cycle started at a given instant waits for it; lists filter, page, export and count', async () => {
    for (const startAt of ['2030-W01-1', '2030-01-01T10:00', '20300101T120000Z']) {
      const refused = await stack.request('POST', '/cycles', { templateKey: 'pkri-2024', startAt });
      expect(`${startAt} ${refused.status}`).toBe(`${startAt} 400`);
      expect(refused.body.details).toEqual([expect.objectContaining({ path: 'startAt' })]);
    }
    const startAt = new Date(Date.now() + 4_000).toISOString();
    const template = { ...compressedPkri(2090, { submission: 600, others: 60 }), key: 'daftar-test' };
    const created = await stack.request('POST', '/templates', { definition: template });
    const cycle = await stack.request('POST', '/cycles', {
      templateKey: 'daftar-test',
      templateVersion: created.body.version,
      startAt,
    });
    expect(cycle.status).toBe(201);
    expect(cycle.body).toMatchObject({ status: 'scheduled', startsAt: startAt });
    await eventually('the cycle to start at its instant', async () =>
      (await cycleStatus(stack, cycle.body.id)).status === 'running' ? true : undefined,
    );

    const cycleId = await startCycle(stack, compressedPkri(2079, { submission: 600, others: 60 }));
    const agencies = ['kab-banyuwangi', 'kota-padang', 'kota-palopo'];
    for (const [index, agencyCode] of agencies.entries()) {
      for (const group of ['keberlanjutan', 'pembina']) {
        const { status } = await stack.request('POST', `/cycles/${cycleId}/entries`, {
          agencyCode,
          title: `Inovasi ${index} ${group}`,
          summary: 'Inovasi untuk uji daftar.',
          group,
          ...INNOVATION,
        });
        expect(status).toBe(201);
      }
    }
    const page = await stack.request('GET', `/cycles/${cycleId}/entries?cluster=kota&pageSize=1&page=2`);
    expect(page.body).toMatchObject({
      total: 4,
      page: 2,
      pageSize: 1,
      items: [expect.objectContaining({ cluster: 'kota' })],
    });
    const filtered = await stack.request('GET', `/cycles/${cycleId}/entries?group=pembina&status=active`);
    expect(filtered.body.total).toBe(3);
    expect((await stack.request('GET', `/cycles/${cycleId}/entries?page=1000000000000000000`)).status).toBe(400);
    expect((await stack.request('GET', '/notices/99999999999999999999/deliveries')).status).toBe(400);
    const unknownFilter = await stack.request('GET', `/cycles/${cycleId}/entries?colour=blue`);
    expect(unknownFilter.status).toBe(400);

    const csv = await stack.request('GET', `/cycles/${cycleId}/entries.csv?cluster=kabupaten`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('id,agency_code,title,group,cluster,status,current_stage,registered_at');
    expect(lines).toHaveLength(3);

    const dashboard = await stack.request('GET', `/cycles/${cycleId}/dashboard`);
    expect(dashboard.body).toMatchObject({
      total: 6,
      byStage: [{ key: 'pendaftaran', status: 'active', count: 6 }],
      byCluster: [
        { key: 'kabupaten', status: 'active', count: 2 },
        { key: 'kota', status: 'active', count: 4 },
      ],
    });
  });
});
