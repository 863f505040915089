import { compressedPkri, ensureAgencies, INNOVATION, startCycle } from '../support/fixtures';
import { eventually, Stack } from '../support/stack';

const UNIQUE = 180;
const RETRIED = 20;
const AGENCIES = 20;

describe('[registration] concurrent registrations', () => {
  const stack = Stack.shared();
  let cycleId: string;
  const tokens: { token: string }[] = [];

  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
    for (let index = 0; index < AGENCIES; index++) {
      const code = `kota-beban-${index}`;
      const created = await stack.request('POST', '/agencies', {
        code,
        name: `Pemerintah Kota Beban ${index}`,
        cluster: 'kota',
        province: 'Jawa Tengah',
        zone: 'WIB',
      });
      expect([201, 409]).toContain(created.status);
      tokens.push(await stack.account('agency', code));
    }
    cycleId = await startCycle(stack, compressedPkri(2083, { submission: 900, others: 60 }));
  });
  afterAll(() => stack.stop());

  it('[registration] 200 concurrent registrations including 20 retried duplicates make exactly the unique entries, each with one workflow', async () => {
    const requests = Array.from({ length: UNIQUE }, (_, index) => ({
      as: tokens[index % AGENCIES],
      key: `daftar-${index}`,
      body: {
        title: `Inovasi Serentak ${index}`,
        summary: 'Uji pendaftaran serentak.',
        group: 'keberlanjutan',
        ...INNOVATION,
      },
    }));
    // A client that timed out and sent the same request again, with the same Idempotency-Key, at the same moment.
    const all = [...requests, ...requests.slice(0, RETRIED)];
    const responses = await Promise.all(
      all.map(({ as, key, body }) =>
        stack.request('POST', `/cycles/${cycleId}/entries`, body, as, { 'idempotency-key': key }),
      ),
    );
    expect(responses.filter((response) => response.status >= 300).map((response) => response.body)).toEqual([]);
    expect(responses.filter((response) => response.status === 201)).toHaveLength(UNIQUE);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(
      RETRIED,
    );
    for (let index = 0; index < RETRIED; index++) {
      expect(responses[UNIQUE + index].body.id).toBe(responses[index].body.id);
    }

    const rows = await stack.db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM entries WHERE cycle_id = $1', [
      cycleId,
    ]);
    expect(rows[0].n).toBe(UNIQUE);
    const expectedIds = new Set(responses.map((response) => response.body.workflowId as string));
    expect(expectedIds.size).toBe(UNIQUE);
    const workflowIds = await eventually('every entry workflow to be visible', async () => {
      const ids: string[] = [];
      for await (const workflow of stack.client.workflow.list({
        query: `CycleId = '${cycleId}' AND WorkflowType = 'entryWorkflow'`,
      })) {
        ids.push(workflow.workflowId);
      }
      return ids.length >= UNIQUE ? ids : undefined;
    });
    expect(workflowIds).toHaveLength(UNIQUE);
    expect(new Set(workflowIds)).toEqual(expectedIds);
  });

  it('[registration] a retry without a key is refused by the natural key, and a key reused for another body is refused', async () => {
    const body = {
      title: 'Inovasi Sekali Saja',
      summary: 'Satu judul sekali per instansi.',
      group: 'keberlanjutan',
      ...INNOVATION,
    };
    const first = await stack.request('POST', `/cycles/${cycleId}/entries`, body, tokens[0], {
      'idempotency-key': 'k-1',
    });
    expect(first.status).toBe(201);
    const again = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      { ...body, title: 'inovasi sekali saja' },
      tokens[0],
    );
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'REGISTRATION.DUPLICATE', details: [{ path: 'title' }] });
    const reused = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      { ...body, title: 'Inovasi Lain' },
      tokens[0],
      { 'idempotency-key': 'k-1' },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('REGISTRATION.IDEMPOTENCY_KEY_REUSED');
    const rows = await stack.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM entries WHERE cycle_id = $1 AND lower(title) LIKE 'inovasi %' AND title NOT LIKE 'Inovasi Serentak%'`,
      [cycleId],
    );
    expect(rows[0].n).toBe(1);
  });
});
