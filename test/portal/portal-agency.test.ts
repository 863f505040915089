import { simpleParser } from 'mailparser';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { closeStage, compressedPkri, ensureAgencies, PKRI_STAGE_KEYS, startCycle } from '../support/fixtures';
import { launchBrowser, newWindow, screenshot, seriousAxeViolations, signIn } from '../support/browser';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack, TEST_ADMIN } from '../support/stack';
import { DEMO_AGENCIES } from '../../scripts/demo-data';

const PASSWORD = 'password-for-tests';
const WITA_AGENCY = 'kota-palopo';

/**
 * SINOVIK's review inside an agency, in the portal: a service unit (UPP) drafts, the agency's Admin Lokal returns it
 * with a note or submits it, and only a submitted draft is an entry. Kota Palopo is in WITA, so every instant its
 * people see must be in WITA.
 */
describe('portal: agencies', () => {
  const stack = Stack.shared();
  let browser: Browser;
  let cycleId: string;
  let unit: { email: string };
  let adminLokal: { email: string; token: string };
  let otherAgency: { email: string };
  let entryId: string;

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), stack.start()]);
    await ensureAgencies(stack);
    const template = compressedPkri(2080, { submission: 3600, others: 3600 });
    // A reminder of unsubmitted drafts 0.999 hours before the deadline: already due when the first draft is written.
    template.stages[0].params = { ...template.stages[0].params, draftReminderHoursBefore: '0.999' };
    cycleId = await startCycle(stack, template);
    [unit, adminLokal, otherAgency] = await Promise.all([
      stack.account('agency-unit', WITA_AGENCY),
      stack.account('agency', WITA_AGENCY),
      stack.account('agency', 'kab-banyuwangi'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual({ page: new URL(page.url()).pathname, violations: [] });
  }
  const registered = async () =>
    (await stack.request('GET', `/cycles/${cycleId}/entries?pageSize=1`)).body.total as number;
  const saved = (page: Page) => page.getByTestId('save-state').getByText('Tersimpan').waitFor();

  it('[portal-agency] a unit drafts; the draft survives a reload and a closed tab; the Admin Lokal returns it with a note, the unit fixes it, the Admin Lokal submits it, and only then is it registered', async () => {
    const unitWindow = await newWindow(browser, stack.origin);
    let page = await unitWindow.newPage();
    await signIn(page, unit.email, PASSWORD, '/inovasi');
    // Other suites' cycles are open too; this one is PKRI 2080.
    const cycle = page.getByRole('region', { name: 'PKRI 2080' });
    // The deadline in the agency's own zone, with a countdown.
    await cycle.getByText(/Batas pendaftaran:.*WITA/).waitFor();
    await cycle
      .getByTestId('countdown')
      .getByText(/^Sisa /)
      .waitFor();
    await expectAccessible(page);
    await cycle.getByLabel('Judul inovasi baru').fill('Sistem Antrean Puskesmas Palopo');
    await cycle.getByRole('button', { name: 'Mulai draf' }).click();
    await page.waitForURL(/\/draf\//);
    const draftPath = new URL(page.url()).pathname;
    await page.getByLabel('Ringkasan').fill('Antrean daring untuk puskesmas');
    await saved(page);
    // The template's draft reminder is already due: it arrives while the draft is unsubmitted.
    await eventually('the draft reminder', async () => {
      const { body } = await stack.request('GET', '/inbox', undefined, adminLokal);
      return body.some((notice: { kind: string }) => notice.kind === 'draft-reminder') ? true : undefined;
    });
    await page.reload();
    expect(await page.getByLabel('Ringkasan').inputValue()).toBe('Antrean daring untuk puskesmas');
    // Typing, then the tab closes before the autosave: the next visit has it.
    await page.getByLabel('Ringkasan').fill('Antrean daring untuk seluruh puskesmas di Kota Palopo');
    await page.close({ runBeforeUnload: false });
    page = await unitWindow.newPage();
    await page.goto(draftPath);
    await page.getByLabel('Ringkasan').waitFor();
    expect(await page.getByLabel('Ringkasan').inputValue()).toBe(
      'Antrean daring untuk seluruh puskesmas di Kota Palopo',
    );
    await saved(page);
    expect(await registered()).toBe(0);
    await page.getByRole('button', { name: 'Kirim ke Admin Lokal' }).click();
    await page.getByText('Diperiksa Admin Lokal').first().waitFor();
    await expectAccessible(page);

    const reviewWindow = await newWindow(browser, stack.origin);
    const review = await reviewWindow.newPage();
    await signIn(review, adminLokal.email, PASSWORD, draftPath);
    await review.getByRole('button', { name: 'Kembalikan ke unit' }).click();
    await review.getByLabel('Catatan untuk unit').fill('Lengkapi kelompok, tanggal mulai dan tautan bukti dukung.');
    await review.getByRole('dialog').getByRole('button', { name: 'Kembalikan ke unit' }).click();
    await review.getByText('Dikembalikan untuk diperbaiki').first().waitFor();

    await page.reload();
    await page.getByRole('status').getByText('Lengkapi kelompok, tanggal mulai dan tautan bukti dukung.').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'agency-draft-returned');
    await page.getByRole('combobox', { name: 'Kelompok' }).click();
    await page.getByRole('option', { name: 'Keberlanjutan Inovasi' }).click();
    await page.getByLabel('Tanggal mulai diterapkan').fill('2019-03-01');
    await page.getByLabel('Tautan bukti dukung').fill('https://palopokota.go.id/inovasi/antrean');
    await saved(page);
    await page.getByRole('button', { name: 'Kirim ke Admin Lokal' }).click();
    await page.getByText('Diperiksa Admin Lokal').first().waitFor();
    expect(await registered()).toBe(0);

    await review.reload();
    await review.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await review.getByText('Draf ini sudah dikirim').waitFor();
    const list = await stack.request('GET', `/cycles/${cycleId}/entries`);
    expect(
      list.body.items.map((entry: { title: string; agencyCode: string }) => [entry.title, entry.agencyCode]),
    ).toEqual([['Sistem Antrean Puskesmas Palopo', WITA_AGENCY]]);
    entryId = list.body.items[0].id;
    await review.getByRole('button', { name: 'Buka inovasi' }).click();
    await review.getByRole('heading', { name: 'Riwayat tahapan' }).waitFor();
    // The history names each stage as the template does, not by its key.
    const { stages } = (await stack.request('GET', `/cycles/${cycleId}`)).body;
    await review.getByRole('cell', { name: stages[0].name, exact: true }).first().waitFor();
    await review
      .getByRole('region', { name: 'Inovasi ini dari tahun ke tahun' })
      .getByText('Belum diumumkan')
      .waitFor();
    await expectAccessible(review);
    await screenshot(review, 'agency-entry');
    await Promise.all([unitWindow.close(), reviewWindow.close()]);
  });

  it('[portal-agency] a draft left unsubmitted gets its reminder, in the inbox and by e-mail', async () => {
    const workflowId = `draft-reminders-${cycleId}`;
    await stack.client.workflow.getHandle(workflowId).result();
    await recordReplayFixture(stack.client, workflowId, 'draft-reminders');
    const { body: inbox } = await stack.request('GET', '/inbox', undefined, adminLokal);
    const reminders = inbox.filter((notice: { kind: string }) => notice.kind === 'draft-reminder');
    expect(reminders.map((notice: { subject: string }) => notice.subject)).toEqual([
      expect.stringMatching(/^cycle-pkri-2080: 1 draf belum dikirim; pendaftaran ditutup .* WITA$/),
    ]);
    expect(reminders[0].body).toContain('- Sistem Antrean Puskesmas Palopo');
    const { body: deliveries } = await stack.request('GET', `/notices/${reminders[0].id}/deliveries`);
    expect(deliveries.deliveries.map((delivery: { channel: string }) => delivery.channel)).toContain('email');

    // The secretariat reads that e-mail in the portal's view of the local SMTP sink, as the agency received it.
    const contact = DEMO_AGENCIES.find((agency) => agency.code === WITA_AGENCY)!.contacts![0].email;
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password, `/surat?kepada=${encodeURIComponent(contact)}`);
    await page.getByRole('button', { name: reminders[0].subject }).first().click();
    const message = page.getByRole('region', { name: reminders[0].subject });
    // The HTML part, as a mail program shows it, in a sandboxed frame.
    await message.frameLocator('iframe').getByText('Sistem Antrean Puskesmas Palopo').waitFor();
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      message.getByRole('button', { name: 'Unduh surel (.eml)' }).click(),
    ]);
    const parsed = await simpleParser(readFileSync((await download.path())!));
    expect(parsed.headers.get('x-tahap-notice')).toBe(reminders[0].key);
    await window.close();
  });

  it('[portal-agency] an agency’s user cannot open another agency’s innovation by its address', async () => {
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, otherAgency.email, PASSWORD, `/inovasi/${entryId}`);
    await page.getByRole('alert').getByText('Inovasi ini tidak ada atau milik instansi lain').waitFor();
    expect(await page.getByText('Sistem Antrean Puskesmas Palopo').count()).toBe(0);
    expect(
      (await stack.request('GET', `/entries/${entryId}`, undefined, await stack.login(otherAgency.email, PASSWORD)))
        .status,
    ).toBe(404);
    await expectAccessible(page);
    await window.close();
  });

  it('[portal-agency] the header’s unread count changes when a notice arrives and when it is read', async () => {
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, adminLokal.email, PASSWORD, '/kotak-masuk');
    const badge = page.getByTestId('unread-count');
    // Other suites' submission extensions reach every agency too, so the badge is compared with the API's count as
    // it stands, not with a number fixed in advance.
    const unread = async () =>
      (await stack.request('GET', '/inbox/unread-count', undefined, adminLokal)).body.unread as number;
    // The badge follows the API's count; other suites' notices may move that count while the test looks.
    const showsUnread = () =>
      eventually('the badge to show the unread count', async () => {
        const count = await unread();
        return (await badge.textContent())?.trim() === String(count) ? count : undefined;
      });
    const before = await showsUnread();
    const { body: cycle } = await stack.request('GET', `/cycles/${cycleId}`);
    const submission = cycle.stages.find((stage: { key: string }) => stage.key === PKRI_STAGE_KEYS.submission);
    const reason = 'Gangguan jaringan di Sulawesi Selatan';
    const extended = await stack.request('POST', `/cycles/${cycleId}/stages/${PKRI_STAGE_KEYS.submission}/extend`, {
      closesAt: new Date(new Date(submission.closesAt).getTime() + 600_000).toISOString(),
      reason,
    });
    expect(extended.status).toBe(200);
    const notice = await eventually('the extension notice', async () => {
      const { body } = await stack.request('GET', '/inbox', undefined, adminLokal);
      return (body as { id: string; body: string; subject: string }[]).find(
        (candidate) => candidate.body.includes(reason) && candidate.subject.startsWith(cycleId),
      );
    });
    const arrived = await showsUnread();
    expect(arrived).toBeGreaterThan(before);
    await page.getByRole('button', { name: notice.subject }).click();
    await eventually('the notice read', async () => ((await unread()) < arrived ? true : undefined));
    await showsUnread();
    await expectAccessible(page);
    await screenshot(page, 'agency-inbox');
    await window.close();
  });

  it('[portal-agency] after the deadline the portal says why nothing can be submitted, the API refuses it, and the draft is in no count', async () => {
    const { body: draft } = await stack.request(
      'POST',
      `/cycles/${cycleId}/drafts`,
      { title: 'Draf yang tidak sempat dikirim', group: null },
      adminLokal,
    );
    await closeStage(stack, cycleId, PKRI_STAGE_KEYS.submission);
    await eventually('submission to close', async () => {
      const { body } = await stack.request('GET', `/cycles/${cycleId}`);
      return body.stages[0].status === 'closed' ? true : undefined;
    });
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, adminLokal.email, PASSWORD, `/draf/${draft.id}`);
    await page.getByRole('alert').getByText('Pendaftaran siklus ini sudah ditutup').waitFor();
    expect(await page.getByRole('button', { name: 'Kirim pendaftaran' }).isDisabled()).toBe(true);
    const refused = await stack.request('POST', `/drafts/${draft.id}/submit`, undefined, adminLokal);
    expect([refused.status, refused.body.code]).toEqual([400, 'REQUEST.INVALID']);
    const complete = await stack.request(
      'PUT',
      `/drafts/${draft.id}`,
      {
        revision: draft.revision,
        title: draft.title,
        group: 'keberlanjutan',
        summary: 'Ringkasan yang sudah lengkap',
        launchDate: '2019-01-15',
        evidenceLinks: ['https://palopokota.go.id/bukti'],
      },
      adminLokal,
    );
    expect(complete.status).toBe(200);
    const late = await stack.request('POST', `/drafts/${draft.id}/submit`, undefined, adminLokal);
    expect([late.status, late.body.code]).toEqual([409, 'REGISTRATION.CLOSED']);
    expect(await registered()).toBe(1);
    const { body: dashboard } = await stack.request('GET', `/cycles/${cycleId}/dashboard`);
    expect(dashboard.total).toBe(1);
    await expectAccessible(page);
    await window.close();
  });
});
