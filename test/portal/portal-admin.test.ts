import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { formatInstant } from '../../apps/web/src/format/time';
import {
  closeStage,
  compressedPkri,
  ensureAgencies,
  INNOVATION,
  openStage,
  PKRI_STAGE_KEYS,
  stageReaches,
  startCycle,
} from '../support/fixtures';
import { launchBrowser, newWindow, screenshot, seriousAxeViolations, signIn } from '../support/browser';
import { eventually, Stack, TEST_ADMIN } from '../support/stack';
import { DEMO_AGENCIES } from '../../scripts/demo-data';

const WITA_AGENCY = 'kota-palopo';
const YEAR = 2068;
/** The cycle of the lists (entries, and the notice whose delivery fails), in its submission stage. */
const LISTS_YEAR = 2076;

/** The secretariat in the portal: a cycle from a template, its dashboard and controls, screening, agencies. */
describe('portal: the secretariat', () => {
  const stack = Stack.shared();
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), stack.start()]);
    await ensureAgencies(stack);
    const template = await stack.request('POST', '/templates', {
      definition: compressedPkri(YEAR, { submission: 3600, others: 3600 }),
    });
    expect(template.status).toBe(201);
    admin = await (await newWindow(browser, stack.origin)).newPage();
    await signIn(admin, TEST_ADMIN.email, TEST_ADMIN.password);
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual({ page: new URL(page.url()).pathname, violations: [] });
  }

  let listsCycle: Promise<string> | undefined;
  /** The 2076 cycle with its submission open, made once by whichever test needs it first. */
  function listsCycleId(): Promise<string> {
    listsCycle ??= (async () => {
      const cycleId = await startCycle(stack, compressedPkri(LISTS_YEAR, { submission: 3600, others: 3600 }));
      await stageReaches(stack, cycleId, PKRI_STAGE_KEYS.submission, 'open');
      return cycleId;
    })();
    return listsCycle;
  }

  /** What a person's screen reader hears of a field's error: the texts its aria-describedby points at. */
  function describedBy(field: Locator): Promise<string> {
    return field.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id: string) => (globalThis as any).document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );
  }

  it('[portal-admin] an admin creates a cycle, sees the dashboard count a new registration, extends the submission deadline with a reason (agencies see the new deadline), and decides screening for 20 entries in one action', async () => {
    await admin.goto('/siklus/baru');
    await admin.getByRole('combobox', { name: 'Templat dan versinya' }).click();
    await admin.getByRole('option', { name: new RegExp(`pkri-test-${YEAR}, v1`) }).click();
    for (const zone of ['WIB', 'WITA', 'WIT'])
      await admin.getByRole('columnheader', { name: `Ditutup (${zone})` }).waitFor();
    await expectAccessible(admin);
    await screenshot(admin, 'admin-create-cycle');
    await admin.getByRole('button', { name: 'Buat siklus' }).click();
    await admin.waitForURL(/\/siklus\/cycle-/);
    const cycleId = new URL(admin.url()).pathname.split('/').at(-1)!;
    await admin.getByText('0 inovasi terdaftar').waitFor();

    const agency = await stack.account('agency', WITA_AGENCY);
    const first = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      {
        title: 'Layanan Antar Dokumen Kependudukan',
        summary: 'Dokumen diantar ke rumah warga.',
        group: 'keberlanjutan',
        ...INNOVATION,
      },
      agency,
    );
    expect(first.status).toBe(201);
    await admin.getByText('1 inovasi terdaftar').waitFor();
    // A draft is no entry, but the chart of the day shows it beside the registration.
    const drafted = await stack.request(
      'POST',
      `/cycles/${cycleId}/drafts`,
      { title: 'Draf yang belum dikirim' },
      agency,
    );
    expect(drafted.status).toBe(201);
    await admin.getByRole('img', { name: /Pendaftaran: 1; Draf dimulai: 1$/ }).waitFor();
    await admin.getByText('1 inovasi terdaftar').waitFor();
    await admin.getByTestId('failed-deliveries').getByText('Tidak ada pengiriman pemberitahuan yang gagal.').waitFor();
    await expectAccessible(admin);
    await screenshot(admin, 'admin-dashboard');

    const before = (await stack.request('GET', `/cycles/${cycleId}`)).body.stages[0].closesAt as string;
    // Ten minutes later, to the minute (the form takes minutes).
    const extendedTo = new Date(Math.floor((new Date(before).getTime() + 10 * 60_000) / 60_000) * 60_000);
    await admin.getByRole('button', { name: 'Perpanjang' }).click();
    // The form takes the admin's zone (WIB): the new deadline as a WIB wall-clock time.
    await admin
      .getByLabel('Batas waktu baru (WIB)')
      .fill(new Date(extendedTo.getTime() + 7 * 3_600_000).toISOString().slice(0, 16));
    await admin.getByLabel('Alasan').fill('Gangguan jaringan di beberapa daerah');
    await admin.getByRole('dialog').getByRole('button', { name: 'Perpanjang' }).click();
    await eventually('the new deadline', async () => {
      const { body } = await stack.request('GET', `/cycles/${cycleId}`);
      return body.stages[0].closesAt === extendedTo.toISOString() ? true : undefined;
    });
    const agencyPage = await (await newWindow(browser, stack.origin)).newPage();
    await signIn(agencyPage, agency.email, 'password-for-tests', '/inovasi');
    await agencyPage
      .getByRole('region', { name: `PKRI ${YEAR}` })
      .getByText(formatInstant(extendedTo, 'WITA', 'id', true))
      .waitFor();
    await agencyPage.context().close();

    const others = DEMO_AGENCIES.map((candidate) => candidate.code);
    for (let index = 0; index < 19; index++) {
      const registered = await stack.request('POST', `/cycles/${cycleId}/entries`, {
        agencyCode: others[index % others.length],
        title: `Inovasi uji seleksi ${index + 1}`,
        summary: 'Inovasi untuk seleksi administrasi.',
        group: 'keberlanjutan',
        ...INNOVATION,
      });
      expect(registered.status).toBe(201);
    }
    await closeStage(stack, cycleId, PKRI_STAGE_KEYS.submission);
    await stageReaches(stack, cycleId, PKRI_STAGE_KEYS.submission, 'closed');
    await openStage(stack, cycleId, PKRI_STAGE_KEYS.screening);
    await stageReaches(stack, cycleId, PKRI_STAGE_KEYS.screening, 'open');
    await eventually('the 20 entries in screening', async () => {
      const { body } = await stack.request(
        'GET',
        `/cycles/${cycleId}/entries?stage=${PKRI_STAGE_KEYS.screening}&pageSize=1`,
      );
      return body.total === 20 ? true : undefined;
    });
    await admin.reload();
    await admin.getByRole('link', { name: 'Seleksi administrasi' }).click();
    await admin.getByRole('checkbox', { name: 'Pilih semua di halaman ini' }).check();
    await admin.getByText('20 inovasi dipilih').waitFor();
    await expectAccessible(admin);
    await screenshot(admin, 'admin-screening');
    await admin.getByRole('button', { name: 'Lolos', exact: true }).click();
    await admin.getByLabel('Alasan').fill('Dokumen lengkap dan sesuai ketentuan');
    await admin.getByRole('dialog').getByRole('button', { name: 'Lolos', exact: true }).click();
    await admin.getByText('0 inovasi dipilih').waitFor();
    const { body: entries } = await stack.request('GET', `/cycles/${cycleId}/entries?pageSize=50`);
    const outcomes = () =>
      Promise.all(
        entries.items.map(
          async (entry: { id: string }) => (await stack.request('GET', `/entries/${entry.id}`)).body.screening?.outcome,
        ),
      );
    // Each decision reaches its entry's workflow and row a moment after the page confirms the action.
    await eventually('the 20 screening decisions recorded', async () =>
      (await outcomes()).every((outcome) => outcome !== undefined) ? true : undefined,
    );
    expect(await outcomes()).toEqual(Array(20).fill('pass'));
  });

  it('[portal-admin] a CSV import with two bad lines shows both with line and reason and imports nothing', async () => {
    await admin.goto('/instansi');
    const csv = [
      'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language',
      'kab-maros,Pemerintah Kabupaten Maros,kabupaten,Sulawesi Selatan,WITA,Humas,humas@maroskab.go.id,,id',
      'kab-gowa,Pemerintah Kabupaten Gowa,kabupaten,Sulawesi Selatan,WITB,Humas,humas@gowakab.go.id,,id',
      'kab-takalar,Pemerintah Kabupaten Takalar,kabupaten,Sulawesi Selatan,WITA,Humas,bukan-surel,,id',
    ].join('\n');
    // Mantine's file field is a button over a hidden file input, which takes the file as a person's pick would.
    await admin.locator('input[type=file]').setInputFiles({
      name: 'instansi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await admin.getByRole('button', { name: 'Impor' }).click();
    const problems = admin.getByRole('alert');
    await problems.getByText('Tidak ada yang diimpor: 2 masalah').waitFor();
    const rows = await problems.getByRole('row').allInnerTexts();
    expect(rows.slice(1).map((row) => row.split('\t').slice(0, 2))).toEqual([
      ['3', 'zone'],
      ['4', 'contact_email'],
    ]);
    await expectAccessible(admin);
    await screenshot(admin, 'admin-agencies-import');
    // Nothing of the file was imported, not even its good line (other suites add agencies of their own meanwhile).
    const codes = ((await stack.request('GET', '/agencies')).body as { code: string }[]).map((agency) => agency.code);
    expect(['kab-maros', 'kab-gowa', 'kab-takalar'].filter((code) => codes.includes(code))).toEqual([]);
  });

  it('[portal-admin] entries: filters and pages come from the server and survive a reload, and the CSV export downloads the filtered list', async () => {
    const cycleId = await listsCycleId();
    const agencies = DEMO_AGENCIES.map((candidate) => candidate.code);
    const titles = [
      ...Array.from({ length: 30 }, (_, index) => `Layanan Terpadu ${String(index + 1).padStart(2, '0')}`),
      ...Array.from({ length: 15 }, (_, index) => `Pembinaan Desa ${String(index + 1).padStart(2, '0')}`),
    ];
    await Promise.all(
      titles.map(async (title, index) => {
        const { status, body } = await stack.request('POST', `/cycles/${cycleId}/entries`, {
          agencyCode: agencies[index % agencies.length],
          title,
          summary: 'Inovasi untuk daftar inovasi siklus.',
          group: title.startsWith('Pembinaan') ? 'pembina' : 'keberlanjutan',
          ...INNOVATION,
        });
        expect(`${title}: ${status}`).toBe(`${title}: 201`);
        return body;
      }),
    );

    await admin.goto(`/siklus/${cycleId}`);
    await admin.getByRole('link', { name: 'Daftar inovasi' }).click();
    await admin.getByText('45 inovasi · Halaman 1 dari 3').waitFor();
    const rowTitles = () => admin.getByRole('table').getByRole('link').allInnerTexts();
    const first = await rowTitles();
    expect(first).toHaveLength(20);
    await admin.getByRole('button', { name: 'Halaman 2', exact: true }).click();
    await admin.getByText('45 inovasi · Halaman 2 dari 3').waitFor();
    const second = await rowTitles();
    expect(second).toHaveLength(20);
    expect(second.filter((title) => first.includes(title))).toEqual([]);
    await expectAccessible(admin);
    await screenshot(admin, 'admin-entries');

    // A filter narrows the list on the server and starts again at page 1; its page 2 survives a reload.
    await admin.getByRole('combobox', { name: 'Kelompok' }).click();
    await admin.getByRole('option', { name: 'Keberlanjutan Inovasi' }).click();
    await admin.getByText('30 inovasi · Halaman 1 dari 2').waitFor();
    await admin.getByRole('button', { name: 'Halaman 2', exact: true }).click();
    await admin.getByText('30 inovasi · Halaman 2 dari 2').waitFor();
    await admin.reload();
    await admin.getByText('30 inovasi · Halaman 2 dari 2').waitFor();
    expect(new URL(admin.url()).searchParams.get('kelompok')).toBe('keberlanjutan');
    // The field names the group once the cycle (and so its groups' names) has loaded.
    const group = admin.getByRole('combobox', { name: 'Kelompok' });
    await eventually('the group filter named', async () =>
      (await group.inputValue()) === 'Keberlanjutan Inovasi' ? true : undefined,
    );
    const kept = await rowTitles();
    expect(kept).toHaveLength(10);
    expect(kept.every((title) => title.startsWith('Layanan Terpadu'))).toBe(true);

    // Part of a title, in any case, on top of the group; the CSV holds exactly that list.
    await admin.getByLabel('Cari judul').fill('terpadu 2');
    await admin.getByText('10 inovasi · Halaman 1 dari 1').waitFor();
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: 'Unduh CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`entri-${cycleId}-keberlanjutan-terpadu-2.csv`);
    const [header, ...lines] = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(header.split(',')).toEqual([
      'id',
      'agency_code',
      'title',
      'group',
      'cluster',
      'status',
      'current_stage',
      'registered_at',
    ]);
    expect(lines.map((line) => line.split(',')[2]).sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `Layanan Terpadu ${20 + index}`),
    );
    await expectAccessible(admin);
    // Each row opens its entry.
    await admin.getByRole('link', { name: 'Layanan Terpadu 24' }).click();
    await admin.getByRole('heading', { name: 'Layanan Terpadu 24' }).waitFor();
    await admin.getByText('Pengisian Formulir Penilaian Mandiri').first().waitFor();
    await expectAccessible(admin);
  });

  it('[portal-admin] the secretariat registers an agency and a user one by one, and re-sends a failed delivery from the log where failed ones come first', async () => {
    const cycleId = await listsCycleId();
    const code = `kab-satu-${randomBytes(3).toString('hex')}`;
    const contactEmail = `inovasi@${code}.example.go.id`;

    // An agency by hand: a taken code is refused at the code field, then the new one heads the table.
    await admin.goto('/instansi');
    await admin.getByRole('button', { name: 'Daftarkan instansi' }).click();
    const agencyForm = admin.getByRole('dialog');
    await agencyForm.getByRole('textbox', { name: 'Kode' }).fill(WITA_AGENCY);
    // "Nama" first, then "Nama kontak".
    await agencyForm.getByRole('textbox', { name: 'Nama' }).first().fill('Pemerintah Kabupaten Satu');
    await agencyForm.getByRole('combobox', { name: 'Klaster' }).click();
    await admin.getByRole('option', { name: 'Kabupaten', exact: true }).click();
    await agencyForm.getByRole('textbox', { name: 'Provinsi' }).fill('Sulawesi Selatan');
    await agencyForm.getByRole('combobox', { name: 'Zona waktu' }).click();
    await admin.getByRole('option', { name: 'WITA', exact: true }).click();
    await agencyForm.getByRole('textbox', { name: 'Nama kontak' }).fill('Admin Inovasi');
    await agencyForm.getByRole('textbox', { name: 'Surel kontak' }).fill(contactEmail);
    await agencyForm.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await agencyForm.getByRole('alert').getByText(`Agency code "${WITA_AGENCY}" is already registered.`).waitFor();
    const codeField = agencyForm.getByRole('textbox', { name: 'Kode' });
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(codeField)).toContain('already registered');
    await expectAccessible(admin);
    await codeField.fill(code);
    await agencyForm.getByRole('button', { name: 'Daftarkan', exact: true }).click();
    await admin.getByRole('status').getByText(`Instansi Pemerintah Kabupaten Satu (${code}) terdaftar.`).waitFor();
    await admin.getByRole('cell', { name: code, exact: true }).waitFor();

    // A user for it: an e-mail that already has an account is refused at the e-mail field.
    await admin.getByRole('link', { name: 'Pengguna dan peran' }).click();
    await admin.getByRole('button', { name: 'Tambah pengguna' }).click();
    const userForm = admin.getByRole('dialog');
    const email = userForm.getByRole('textbox', { name: 'Surel' });
    await email.fill(TEST_ADMIN.email);
    await userForm.getByRole('textbox', { name: 'Nama' }).fill('Admin Lokal Kabupaten Satu');
    await userForm.getByRole('combobox', { name: 'Peran' }).click();
    await admin.getByRole('option', { name: 'Admin Lokal', exact: true }).click();
    await userForm.getByRole('combobox', { name: 'Instansi' }).fill(code);
    await admin.getByRole('option', { name: new RegExp(code) }).click();
    await userForm.getByLabel('Kata sandi awal').fill('kata-sandi-awal-yang-panjang');
    await userForm.getByRole('button', { name: 'Buat akun' }).click();
    await userForm.getByRole('alert').getByText(`An account for ${TEST_ADMIN.email} already exists.`).waitFor();
    expect(await describedBy(email)).toContain('already has an account');
    await expectAccessible(admin);
    const userEmail = `admin-lokal@${code}.example.go.id`;
    await email.fill(userEmail);
    await userForm.getByRole('button', { name: 'Buat akun' }).click();
    await admin.getByRole('status').getByText(`Akun ${userEmail} (Admin Lokal) dibuat.`).waitFor();
    await admin.getByRole('cell', { name: userEmail, exact: true }).waitFor();
    await expectAccessible(admin);
    await screenshot(admin, 'admin-users');
    await stack.login(userEmail, 'kata-sandi-awal-yang-panjang');

    // Its webhook's address is refused when sending (stored as it was before the rule: the API refuses it today), so
    // the notice of a moved deadline reaches its e-mail and fails on the webhook at once.
    const [{ id: endpointId }] = await stack.db.query<{ id: string }[]>(
      `INSERT INTO webhook_endpoints (agency_code, url, secret) VALUES ($1, $2, $3) RETURNING id`,
      [code, `https://tahap:rahasia@sipp.${code}.example.go.id/hook`, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    );
    const { body: cycle } = await stack.request('GET', `/cycles/${cycleId}`);
    const extended = await stack.request('POST', `/cycles/${cycleId}/stages/${PKRI_STAGE_KEYS.submission}/extend`, {
      closesAt: new Date(Date.parse(cycle.stages[0].closesAt) + 10 * 60_000).toISOString(),
      reason: 'Tambahan waktu untuk instansi baru',
    });
    expect(extended.status).toBe(200);
    // Other suites' moved deadlines reach every agency too; this test follows the notice of its own cycle.
    const [{ id: noticeId }] = await eventually('the notice to the agency', async () => {
      const rows = await stack.db.query<{ id: string }[]>(
        `SELECT id FROM notices WHERE agency_code = $1 AND key LIKE $2`,
        [code, `${cycleId}/%`],
      );
      return rows.length > 0 ? rows : undefined;
    });
    await eventually('the webhook delivery to fail', async () => {
      const { body } = await stack.request('GET', `/notices/${noticeId}/deliveries`);
      return body.deliveries.some(
        (delivery: { channel: string; status: string }) =>
          delivery.channel === 'webhook' && delivery.status === 'failed',
      )
        ? true
        : undefined;
    });
    // The agency turns its broken endpoint off, so nothing else fails on it; a re-send now goes by e-mail.
    expect((await stack.request('POST', `/agencies/${code}/webhooks/${endpointId}/disable`)).status).toBe(200);

    await admin.getByRole('link', { name: 'Log pengiriman' }).click();
    expect(await admin.getByRole('combobox', { name: 'Status pengiriman' }).inputValue()).toBe('Gagal');
    await admin.getByRole('combobox', { name: 'Instansi' }).fill(code);
    await admin.getByRole('option', { name: new RegExp(code) }).click();
    expect(new URL(admin.url()).searchParams.get('instansi')).toBe(code);
    const row = admin.getByRole('row').filter({ hasText: `#${noticeId} · putaran 0` });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      `#${noticeId} · putaran 0`,
      'Webhook',
      endpointId,
      'Gagal',
      '1',
      'refused: must not carry a user name or password',
      expect.any(String),
    ]);
    await expectAccessible(admin);
    await screenshot(admin, 'admin-deliveries');

    await row.getByRole('button', { name: `Kirim ulang pemberitahuan #${noticeId}` }).click();
    await admin
      .getByRole('status')
      .getByText(`Pemberitahuan #${noticeId} dikirim ulang: putaran 1, 1 pengiriman.`)
      .waitFor();
    await row.getByRole('button', { name: `Lihat percobaan pemberitahuan #${noticeId}` }).click();
    const rounds = admin.getByRole('dialog').getByTestId('notice-delivery');
    await rounds.filter({ hasText: 'Putaran 1 · Surel' }).getByText('Terkirim').waitFor();
    expect(await rounds.filter({ hasText: 'Putaran 0 · Webhook' }).getByRole('row').nth(1).innerText()).toMatch(
      /Ditolak Tahap\s+refused: must not carry a user name or password/,
    );
    await expectAccessible(admin);
  });
});
