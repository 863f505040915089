import type { Browser, Page } from 'playwright-core';
import { formatInstant } from '../../apps/web/src/format/time';
import {
  closeStage,
  compressedPkri,
  ensureAgencies,
  INNOVATION,
  openStage,
  PKRI_STAGE_KEYS,
  stageReaches,
} from '../support/fixtures';
import { launchBrowser, newWindow, screenshot, seriousAxeViolations, signIn } from '../support/browser';
import { eventually, Stack, TEST_ADMIN } from '../support/stack';
import { DEMO_AGENCIES } from '../../scripts/demo-data';

const WITA_AGENCY = 'kota-palopo';
const YEAR = 2068;

/** The secretariat in the portal: a cycle from a template, its dashboard and controls, screening, agencies. */
describe('portal: the secretariat', () => {
  const stack = new Stack('portal-admin');
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
    const outcomes = await Promise.all(
      entries.items.map(
        async (entry: { id: string }) => (await stack.request('GET', `/entries/${entry.id}`)).body.screening?.outcome,
      ),
    );
    expect(outcomes).toEqual(Array(20).fill('pass'));
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
});
