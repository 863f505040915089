import {
  closeStage,
  compressedPkri,
  cycleStatus,
  ensureAgencies,
  INNOVATION,
  openStage,
  startCycle,
  stageReaches,
} from '../support/fixtures';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack } from '../support/stack';

describe('[registration] administrative screening', () => {
  const stack = Stack.shared();
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  it('[registration] screening: an entry left undecided gets the default outcome at close, and the agency sees the reason', async () => {
    const template = compressedPkri(2087, { submission: 600, others: 600 });
    const screening = template.stages.find((stage) => stage.type === 'screening')!;
    screening.params = { defaultOutcome: 'fail', minEvidenceLinks: 2 };
    const cycleId = await startCycle(stack, template);
    await stageReaches(stack, cycleId, 'pendaftaran', 'open');
    const agencies = {
      decided: await stack.account('agency', 'kab-banyuwangi'),
      incomplete: await stack.account('agency', 'kota-padang'),
      undecided: await stack.account('agency', 'kota-palopo'),
    };
    const twoLinks = ['https://inovasi.example.go.id/1', 'https://inovasi.example.go.id/2'];
    const ids: Record<keyof typeof agencies, string> = { decided: '', incomplete: '', undecided: '' };
    for (const [name, as] of Object.entries(agencies) as [keyof typeof agencies, { token: string }][]) {
      const { status, body } = await stack.request(
        'POST',
        `/cycles/${cycleId}/entries`,
        {
          title: `Inovasi ${name}`,
          summary: 'Inovasi untuk uji seleksi administrasi.',
          group: 'keberlanjutan',
          ...INNOVATION,
          evidenceLinks: name === 'incomplete' ? twoLinks.slice(0, 1) : twoLinks,
        },
        as,
      );
      expect(status).toBe(201);
      ids[name] = body.id;
    }

    await closeStage(stack, cycleId, 'pendaftaran');
    await openStage(stack, cycleId, 'seleksi-administrasi');
    const decided = await stack.request('POST', `/cycles/${cycleId}/screening/decisions`, {
      decisions: [{ entryId: ids.decided, outcome: 'pass', reason: 'Dokumen lengkap dan sesuai' }],
    });
    expect(decided.status).toBe(200);
    const stranger = await stack.request('POST', `/cycles/${cycleId}/screening/decisions`, {
      decisions: [{ entryId: '00000000-0000-4000-8000-000000000000', outcome: 'pass', reason: 'Tidak ada' }],
    });
    expect(stranger.status).toBe(404);
    expect(stranger.body.details).toEqual([{ path: 'decisions[0].entryId', message: 'no active entry of this cycle' }]);
    // Until screening closes a decision may still change, so the agency does not see it yet.
    expect(
      (await stack.request('GET', `/entries/${ids.decided}`, undefined, agencies.decided)).body.screening,
    ).toBeNull();

    await closeStage(stack, cycleId, 'seleksi-administrasi');
    await eventually('screening to close', async () =>
      (await cycleStatus(stack, cycleId)).stages[1].status === 'closed' ? true : undefined,
    );
    const late = await stack.request('POST', `/cycles/${cycleId}/screening/decisions`, {
      decisions: [{ entryId: ids.undecided, outcome: 'pass', reason: 'Terlambat diputuskan' }],
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SCREENING.NOT_OPEN');

    const seen = async (name: keyof typeof agencies, status: string) =>
      eventually(`the ${name} entry to be ${status}`, async () => {
        const { body } = await stack.request('GET', `/entries/${ids[name]}`, undefined, agencies[name]);
        return body.status === status ? body : undefined;
      });
    const undecided = await seen('undecided', 'eliminated');
    expect(undecided.screening).toMatchObject({ outcome: 'fail', decidedBy: 'default' });
    expect(undecided.screening.reason).toMatch(/hasil bawaan templat: tidak lolos/);
    const incomplete = await seen('incomplete', 'eliminated');
    expect(incomplete.screening).toMatchObject({ outcome: 'fail', decidedBy: 'rule' });
    expect(incomplete.screening.reason).toMatch(/Bukti dukung kurang: 1 tautan, minimal 2/);
    await openStage(stack, cycleId, 'evaluasi-desk');
    const passed = await eventually('the decided entry to enter desk evaluation', async () => {
      const { body } = await stack.request('GET', `/entries/${ids.decided}`, undefined, agencies.decided);
      return body.currentStage === 'evaluasi-desk' ? body : undefined;
    });
    expect(passed).toMatchObject({
      status: 'active',
      screening: { outcome: 'pass', reason: 'Dokumen lengkap dan sesuai' },
    });

    const inbox = await stack.request('GET', '/inbox', undefined, agencies.undecided);
    expect(inbox.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'screening-outcome', body: expect.stringMatching(/tidak lolos .*Alasan: /) }),
      ]),
    );
    await recordReplayFixture(stack.client, undecided.workflowId, 'entry-eliminated');
    const workflow = await stack.client.workflow.getHandle(undecided.workflowId).result();
    expect(workflow.status).toBe('eliminated');
    expect(workflow.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ stageKey: 'seleksi-administrasi', outcome: 'fail' })]),
    );
  });
});
