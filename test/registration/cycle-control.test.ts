import {
  closeStage,
  compressedPkri,
  cycleStatus,
  ensureAgencies,
  INNOVATION,
  startCycle,
  stageReaches,
} from '../support/fixtures';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack } from '../support/stack';

const until = (instant: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant - Date.now())));

describe('[registration] admins steer a running cycle', () => {
  const stack = Stack.shared();
  let palopo: { token: string };
  let banyuwangi: { token: string };

  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
    palopo = await stack.account('agency', 'kota-palopo');
    banyuwangi = await stack.account('agency', 'kab-banyuwangi');
  });
  afterAll(() => stack.stop());

  const register = (cycleId: string, as: { token: string }, title: string) =>
    stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      { title, summary: 'Inovasi untuk uji perpanjangan.', group: 'keberlanjutan', ...INNOVATION },
      as,
    );

  it('[registration] a deadline extended mid-submission accepts registrations until the new instant, refuses them after it, and agencies are told', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2084, { submission: 8, others: 60 }));
    const { stages } = (await stack.request('GET', `/cycles/${cycleId}`)).body;
    const originalClose = Date.parse(stages[0].closesAt);
    const extendedClose = originalClose + 8_000;

    const early = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/extend`, {
      closesAt: new Date(originalClose - 60_000).toISOString(),
      reason: 'Lebih awal',
    });
    expect(early.status).toBe(422);
    expect(early.body.message).toMatch(/later than the current deadline/);
    const noReason = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/extend`, {
      closesAt: new Date(extendedClose).toISOString(),
      reason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ path: 'reason' })]);

    const extended = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/extend`, {
      closesAt: new Date(extendedClose).toISOString(),
      reason: 'Gangguan server pada hari terakhir',
    });
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.closesAt)).toBe(extendedClose);

    await until(originalClose + 1_000);
    const afterOriginal = await register(cycleId, palopo, 'Didaftarkan setelah batas semula');
    expect(afterOriginal.status).toBe(201);

    await eventually('submission to close at the new instant', async () =>
      (await cycleStatus(stack, cycleId)).stages[0].status === 'closed' ? true : undefined,
    );
    const afterNew = await register(cycleId, palopo, 'Didaftarkan setelah batas baru');
    expect(afterNew.status).toBe(409);
    expect(afterNew.body.code).toBe('REGISTRATION.CLOSED');
    const closedAt = (await stack.request('GET', `/cycles/${cycleId}`)).body.stages[0].closedAt;
    expect(Date.parse(closedAt)).toBeGreaterThanOrEqual(extendedClose);

    const inbox = await stack.request('GET', '/inbox', undefined, palopo);
    const notice = inbox.body.find((item: { kind: string }) => item.kind === 'stage-deadline-extended');
    expect(notice).toBeDefined();
    expect(notice.subject).toContain('diperpanjang');
    // Palopo is in Sulawesi Selatan: the new deadline is shown in its own zone.
    expect(notice.body).toMatch(/\d{2}:\d{2} WITA\. Alasan: Gangguan server pada hari terakhir/);
    const unread = await stack.request('GET', '/inbox/unread-count', undefined, palopo);
    expect(unread.body.unread).toBeGreaterThanOrEqual(1);

    const tooLate = await stack.request('POST', `/cycles/${cycleId}/stages/pendaftaran/extend`, {
      closesAt: new Date(Date.now() + 60_000).toISOString(),
      reason: 'Terlambat',
    });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body).toMatchObject({ code: 'STAGE.ALREADY_CLOSED' });
    const notOpen = await stack.request('POST', `/cycles/${cycleId}/stages/pengumuman/close`, {});
    expect(notOpen.status).toBe(409);
    expect(notOpen.body).toMatchObject({ code: 'STAGE.NOT_OPEN', message: expect.stringMatching(/has not opened/) });
    await recordReplayFixture(stack.client, cycleId, 'cycle-extended-notify');
  });

  it('[registration] a paused cycle refuses registrations with the reason, and takes them again once resumed', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2085, { submission: 900, others: 60 }));
    const paused = await stack.request('POST', `/cycles/${cycleId}/pause`, { reason: 'Menunggu keputusan Menteri' });
    expect(paused.status).toBe(200);
    expect((await stack.request('POST', `/cycles/${cycleId}/pause`, { reason: 'Dijeda lagi' })).body.code).toBe(
      'CYCLE.PAUSED',
    );

    const refused = await register(cycleId, banyuwangi, 'Saat dijeda');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CYCLE.PAUSED');
    expect((await stack.request('GET', `/cycles/${cycleId}`)).body.paused).toBe(true);

    expect((await stack.request('POST', `/cycles/${cycleId}/resume`)).status).toBe(200);
    expect((await stack.request('POST', `/cycles/${cycleId}/resume`)).body.code).toBe('CYCLE.NOT_PAUSED');
    expect((await register(cycleId, banyuwangi, 'Setelah dilanjutkan')).status).toBe(201);
  });

  it('[registration] an admin opens the next stage before its calendar instant once the one before it has closed; out of order or without a reason it is refused', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2067, { submission: 900, others: 900 }));
    await stageReaches(stack, cycleId, 'pendaftaran', 'open');
    const entry = await register(cycleId, banyuwangi, 'Dibuka lebih awal');
    expect(entry.status).toBe(201);
    const open = (stageKey: string, reason = 'Verifikasi berkas selesai lebih cepat') =>
      stack.request('POST', `/cycles/${cycleId}/stages/${stageKey}/open`, { reason });

    expect((await open('pendaftaran')).body.code).toBe('STAGE.ALREADY_OPEN');
    const beforeClose = await open('seleksi-administrasi');
    expect(beforeClose.status).toBe(409);
    expect(beforeClose.body).toMatchObject({ code: 'STAGE.NOT_NEXT', message: expect.stringMatching(/pendaftaran/) });
    const noReason = await open('seleksi-administrasi', ' ');
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ path: 'reason' })]);

    await closeStage(stack, cycleId, 'pendaftaran');
    const skipping = await open('evaluasi-desk');
    expect(skipping.status).toBe(409);
    expect(skipping.body.message).toMatch(/seleksi-administrasi/);
    const planned = (await cycleStatus(stack, cycleId)).stages[1];
    // A client that will not wait (a national cycle's opening takes minutes) is told the stage is opening.
    const opened = await stack.request(
      'POST',
      `/cycles/${cycleId}/stages/seleksi-administrasi/open`,
      { reason: 'Verifikasi berkas selesai lebih cepat' },
      undefined,
      { prefer: 'respond-async' },
    );
    expect(opened.status).toBe(202);
    expect(opened.body).toEqual({ stageKey: 'seleksi-administrasi', status: 'opening', openedAt: null });
    expect(opened.headers.get('preference-applied')).toBe('respond-async');
    await stageReaches(stack, cycleId, 'seleksi-administrasi', 'open');
    const screening = (await cycleStatus(stack, cycleId)).stages[1];
    expect(screening).toMatchObject({ status: 'open', closesAt: planned.closesAt });
    expect(Date.parse(screening.openedAt!)).toBeLessThan(Date.parse(planned.opensAt));
    expect((await open('seleksi-administrasi')).body.code).toBe('STAGE.ALREADY_OPEN');

    // The entry hears of the stage at once, and the auditor reads who opened it early and why.
    await eventually('the entry to enter screening', async () => {
      const { body } = await stack.request('GET', `/entries/${entry.body.id}`);
      return body.currentStage === 'seleksi-administrasi' ? true : undefined;
    });
    const timeline = await stack.request('GET', `/audit/workflows/${cycleId}/timeline?lang=en`);
    expect(timeline.body.lines).toContainEqual(
      expect.objectContaining({
        text: 'Stage seleksi-administrasi opened early by an admin.',
        reason: 'Verifikasi berkas selesai lebih cepat',
      }),
    );
    await recordReplayFixture(stack.client, cycleId, 'cycle-opened-early');
  });

  it('[registration] an agency edits and withdraws its entry until the deadline, and the title is free again', async () => {
    const cycleId = await startCycle(stack, compressedPkri(2086, { submission: 900, others: 60 }));
    const created = await register(cycleId, banyuwangi, 'Siswa Asuh Sebaya');
    expect(created.status).toBe(201);
    const edited = await stack.request(
      'PATCH',
      `/entries/${created.body.id}`,
      { summary: 'Ringkasan yang diperbarui oleh instansi.', evidenceLinks: ['https://banyuwangikab.go.id/sas'] },
      banyuwangi,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'Siswa Asuh Sebaya',
      summary: 'Ringkasan yang diperbarui oleh instansi.',
      evidenceLinks: ['https://banyuwangikab.go.id/sas'],
    });
    const blanked = await stack.request('PATCH', `/entries/${created.body.id}`, { title: null }, banyuwangi);
    expect(blanked.status).toBe(400);
    expect(blanked.body.details).toEqual([{ path: 'title', message: 'must not be null' }]);
    const future = await stack.request(
      'PATCH',
      `/entries/${created.body.id}`,
      { launchDate: '2999-01-01' },
      banyuwangi,
    );
    expect(future.status).toBe(422);
    expect(future.body.details).toEqual([expect.objectContaining({ path: 'launchDate' })]);

    const withdrawn = await stack.request(
      'POST',
      `/entries/${created.body.id}/withdraw`,
      { reason: 'Didaftarkan ulang dengan data baru' },
      banyuwangi,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const again = await stack.request('POST', `/entries/${created.body.id}/withdraw`, { reason: 'lagi' }, banyuwangi);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ENTRY.NOT_EDITABLE');
    expect((await register(cycleId, banyuwangi, 'Siswa Asuh Sebaya')).status).toBe(201);
    await recordReplayFixture(stack.client, created.body.workflowId, 'entry-withdrawn');
  });
});
