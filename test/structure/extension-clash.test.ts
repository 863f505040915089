import { compressedPkri, cycleStatus, startCycle, stageReaches } from '../support/fixtures';
import { Stack } from '../support/stack';

/**
 * A stage opens when the one before it closes. An extension that reached past the next stage's own close used to
 * open that stage with no time left and close it at once, silently: now it is refused, naming the stage in the way.
 */
describe('[structure] an extension cannot swallow the next stage', () => {
  const stack = Stack.shared();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[structure] extending submission past screening’s close is refused with the clash named, and changes nothing; extending screening first makes room', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2070, { submission: 600, others: 600 }));
    await stageReaches(stack, cycleId, 'pendaftaran', 'open');
    const before = await cycleStatus(stack, cycleId);
    const [submission, screening] = before.stages;
    const pastScreening = new Date(Date.parse(screening.closesAt) + 60_000).toISOString();

    const refused = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/extend`, {
      closesAt: pastScreening,
      reason: 'Banyak instansi meminta tambahan waktu',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('STAGE.WINDOW_CLASH');
    expect(refused.body.message).toContain('"seleksi-administrasi"');
    expect(refused.body.message).toContain('Extend "seleksi-administrasi" first');
    const unchanged = await cycleStatus(stack, cycleId);
    expect(unchanged.stages.map((stage) => stage.closesAt)).toEqual(before.stages.map((stage) => stage.closesAt));

    // The later stage first, then the one before it: both windows stay open for time.
    const screeningLater = new Date(Date.parse(screening.closesAt) + 120_000).toISOString();
    const first = await stack.request('POST', `/cycles/${cycleId}/stages/seleksi-administrasi/extend`, {
      closesAt: screeningLater,
      reason: 'Verifikasi dokumen diperpanjang',
    });
    expect(first.status).toBe(200);
    const second = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/extend`, {
      closesAt: pastScreening,
      reason: 'Banyak instansi meminta tambahan waktu',
    });
    expect(second.status).toBe(200);
    const after = await cycleStatus(stack, cycleId);
    expect(after.stages[0]).toMatchObject({ status: 'open', closesAt: pastScreening });
    expect(after.stages[1]).toMatchObject({ status: 'pending', closesAt: screeningLater });
    expect(Date.parse(after.stages[0].closesAt)).toBeGreaterThan(Date.parse(submission.closesAt));
  });
});
