import jwt from 'jsonwebtoken';
import type { Browser, Page } from 'playwright-core';
import { ensureAgencies } from '../support/fixtures';
import {
  launchBrowser,
  newWindow,
  screenshot,
  seriousAxeViolations,
  signIn,
  storedToken,
  storeToken,
} from '../support/browser';
import { JWT_SECRET, Stack, TEST_ADMIN } from '../support/stack';

/** The portal's frame: sign-in, what each role is shown, expired sessions, languages, deep links, a phone's screen. */
describe('portal base', () => {
  const stack = Stack.shared();
  let browser: Browser;
  let agency: { email: string };

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), stack.start()]);
    await ensureAgencies(stack);
    agency = await stack.account('agency', 'kab-banyuwangi');
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual({ page: new URL(page.url()).pathname, violations: [] });
  }

  it('[portal-admin] the secretariat signs in, sees only its own navigation, and a deep link survives a reload', async () => {
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await page.goto('/siklus');
    await page.waitForURL(/\/masuk\?kembali=%2Fsiklus/);
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Surel').fill(TEST_ADMIN.email);
    await page.getByLabel('Kata sandi').fill('wrong password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByText('Surel atau kata sandi salah.').waitFor();
    await page.getByLabel('Kata sandi').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Siklus kompetisi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/siklus');
    const navigation = page.getByRole('navigation', { name: 'Menu' }).getByRole('link');
    expect(await navigation.allTextContents()).toEqual([
      'Beranda',
      'Siklus kompetisi',
      'Instansi',
      'Log pengiriman',
      'Pengguna dan peran',
      'Sidang pleno',
      'Surel terkirim (uji)',
      'Pengaturan',
    ]);
    await page.reload();
    await page.getByRole('heading', { name: 'Siklus kompetisi' }).waitFor();
    // Reported, not asserted: how long a reload takes to show the page with its data (the cycles of the run).
    await page.getByRole('table').or(page.getByText('Belum ada data.')).waitFor();
    const renderedMs = await page.evaluate(() => Math.round(performance.now()));
    console.log(`[portal] /siklus shown with its data ${renderedMs} ms after the reload began`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(/\/masuk$/);
    await page.goto('/siklus');
    await page.waitForURL(/\/masuk\?kembali=/);
    await window.close();
  });

  it('[portal-agency] a page not for the role says so instead of showing an empty table', async () => {
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, agency.email, 'password-for-tests', '/siklus');
    await page.getByRole('heading', { name: 'Halaman ini bukan untuk peran Anda' }).waitFor();
    await page.getByRole('alert').getByText('Anda masuk sebagai Admin Lokal').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    const navigation = page.getByRole('navigation', { name: 'Menu' }).getByRole('link');
    expect(await navigation.allTextContents()).toEqual(['Beranda', 'Inovasi', 'Kotak masuk', 'Pengaturan']);
    await expectAccessible(page);
    await window.close();
  });

  it('[portal-agency] an expired session sends the person to sign-in and back to the page they were on', async () => {
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, agency.email, 'password-for-tests', '/kotak-masuk');
    // The token the API issued, but expired: what a browser left open overnight holds.
    const claims = jwt.decode(await storedToken(page)) as jwt.JwtPayload;
    await storeToken(page, jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET));
    await page.reload();
    await page.waitForURL(/\/masuk\?kembali=%2Fkotak-masuk&sesi=berakhir/);
    await page.getByText('Sesi Anda telah berakhir').waitFor();
    await page.getByLabel('Surel').fill(agency.email);
    await page.getByLabel('Kata sandi').fill('password-for-tests');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/kotak-masuk$/);
    await window.close();
  });

  it('[portal-agency] the language is chosen per person and remembered; a phone gets the menu behind a button', async () => {
    const window = await newWindow(browser, stack.origin, true);
    const page = await window.newPage();
    await signIn(page, agency.email, 'password-for-tests');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Inbox' }).click();
    await page.waitForURL(/\/kotak-masuk$/);
    // The picture is of the inbox as it reads, not of the page still loading it.
    await page.getByRole('heading', { name: 'Inbox', level: 2 }).waitFor();
    await page.getByRole('status', { name: 'Loading' }).waitFor({ state: 'detached' });
    await expectAccessible(page);
    await screenshot(page, 'phone-agency');
    // Another person on the same browser starts in Indonesian.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await window.close();
  });

  it('[portal-agency] settings: an Admin Lokal sets notice preferences, creates an API key and a webhook whose secrets are shown once, rotates and disables them, and the chosen language follows the person to another browser', async () => {
    // An agency of its own: its channels, webhooks and keys change here, and the run's database is shared with
    // suites that send notices to the demo agencies.
    const code = `kab-pengaturan-${Math.random().toString(36).slice(2, 8)}`;
    const created = await stack.request('POST', '/agencies', {
      code,
      name: `Pemerintah Kabupaten Pengaturan ${code.slice(-6)}`,
      cluster: 'kabupaten',
      province: 'Jawa Timur',
      zone: 'WIB',
      contacts: [{ name: 'Admin Inovasi', email: `inovasi@${code}.example.go.id` }],
    });
    expect(created.status).toBe(201);
    const person = await stack.account('agency', code);
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    await signIn(page, person.email, 'password-for-tests', '/pengaturan');
    await page.getByRole('heading', { name: 'Pengaturan', level: 2 }).waitFor();

    // Notices: no e-mail, in English.
    await page.getByRole('checkbox', { name: 'Surel ke kontak instansi' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Surel ke kontak instansi' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Surel ke kontak instansi' }).uncheck();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('region', { name: 'Pemberitahuan' }).getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').getByText('Preferensi pemberitahuan tersimpan.').waitFor();

    // An API key, shown once; it works against the API.
    await page.getByLabel('Nama kunci').fill('SIPP Pengaturan');
    await page.getByRole('button', { name: 'Buat kunci API' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Kunci API baru: SIPP Pengaturan' });
    await keyDialog.getByText('tidak akan ditampilkan lagi').waitFor();
    const key = (await keyDialog.getByTestId('secret').textContent())!;
    expect(key).toMatch(/^thp_/);
    const asKey = await stack.request('GET', '/auth/me', undefined, { apiKey: key });
    expect(asKey.body).toMatchObject({ role: 'agency', agencyCode: code, via: 'api-key' });
    await keyDialog.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await keyDialog.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'SIPP Pengaturan', exact: true }).waitFor();
    expect(await page.content()).not.toContain(key);

    // A webhook: a refused address is refused in the API's words; a good one gets its signing secret, once.
    await page.getByLabel('URL webhook').fill('ftp://sipp.example.go.id/tahap');
    await page.getByRole('button', { name: 'Daftarkan webhook' }).click();
    await page.getByRole('alert').getByText('The webhook URL is refused: must use https.').waitFor();
    const url = `https://sipp.${code}.example.go.id/tahap/webhook`;
    await page.getByLabel('URL webhook').fill(url);
    await page.getByRole('button', { name: 'Daftarkan webhook' }).click();
    const hookDialog = page.getByRole('dialog', { name: 'Rahasia penandatangan webhook baru' });
    const secret = (await hookDialog.getByTestId('secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await hookDialog.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await hookDialog.waitFor({ state: 'hidden' });
    const hookRow = page.getByRole('row').filter({ hasText: url });
    await hookRow.getByText('Aktif', { exact: true }).waitFor();

    // Rotation: a new secret, once, and the old one keeps signing for the API's overlap.
    await hookRow.getByRole('button', { name: 'Ganti rahasia' }).click();
    const rotated = page.getByRole('dialog', { name: 'Rahasia penandatangan baru' });
    await rotated.getByText(/Rahasia lama tetap menandatangani selama 24 jam lagi, sampai .* WIB/).waitFor();
    const newSecret = (await rotated.getByTestId('secret').textContent())!;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole('button', { name: 'Sudah saya simpan' }).click();
    await rotated.waitFor({ state: 'hidden' });
    await hookRow.getByText('Rahasia lama berlaku sampai').waitFor();
    await hookRow.getByRole('button', { name: 'Nonaktifkan' }).click();
    await hookRow.getByText('Nonaktif', { exact: true }).waitFor();
    await hookRow.getByText('Sebab: dinonaktifkan oleh Admin Lokal').waitFor();

    // Revoking the key asks first, then the API refuses it.
    await page.getByRole('button', { name: 'Cabut kunci SIPP Pengaturan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cabut kunci “SIPP Pengaturan”?' });
    await confirm.getByRole('button', { name: 'Cabut kunci' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('row').filter({ hasText: 'SIPP Pengaturan' }).getByText('Dicabut').waitFor();
    expect((await stack.request('GET', '/auth/me', undefined, { apiKey: key })).status).toBe(401);

    // After a reload: the preferences as saved, the webhook still off, and no secret anywhere.
    await page.reload();
    await page.getByRole('radio', { name: 'English' }).waitFor();
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Surel ke kontak instansi' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Webhook ke sistem instansi' }).isChecked()).toBe(true);
    await hookRow.getByText('Nonaktif', { exact: true }).waitFor();
    const html = await page.content();
    for (const shown of [key, secret, newSecret]) expect(html).not.toContain(shown);
    await expectAccessible(page);
    await screenshot(page, 'agency-settings');

    // The portal language follows the person: English here means English in a fresh browser, and back.
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/auth/me/language'));
    await page.getByText('EN', { exact: true }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    const signInFresh = async () => {
      const fresh = await newWindow(browser, stack.origin);
      const other = await fresh.newPage();
      await other.goto('/masuk');
      await other.getByLabel('Surel').fill(person.email);
      await other.getByLabel('Kata sandi').fill('password-for-tests');
      await other.getByRole('button', { name: 'Masuk' }).click();
      await other.getByRole('button', { name: /^(Keluar|Sign out)$/ }).waitFor();
      return { fresh, other };
    };
    const second = await signInFresh();
    expect(await second.other.locator('html').getAttribute('lang')).toBe('en');
    await second.other.getByRole('button', { name: 'Sign out' }).waitFor();
    // Its own choice, not the agency's (whose notices are now in English): Indonesian follows as well.
    const back = second.other.waitForResponse((response) => response.url().endsWith('/api/auth/me/language'));
    await second.other.getByText('ID', { exact: true }).click();
    expect((await back).status()).toBe(200);
    const third = await signInFresh();
    await third.other.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(await third.other.locator('html').getAttribute('lang')).toBe('id');

    // The secretariat, which has no agency of its own, picks one and finds the same settings.
    await third.other.getByRole('button', { name: 'Keluar' }).click();
    await signIn(third.other, TEST_ADMIN.email, TEST_ADMIN.password, '/pengaturan');
    await third.other.getByText('Pilih instansi untuk mengelola').waitFor();
    await third.other.getByRole('combobox', { name: 'Instansi' }).fill(code);
    await third.other.getByRole('option', { name: new RegExp(code) }).click();
    await third.other.waitForURL(new RegExp(`instansi=${code}`));
    await third.other.getByRole('row').filter({ hasText: url }).getByText('Nonaktif', { exact: true }).waitFor();
    await third.other.getByRole('row').filter({ hasText: 'SIPP Pengaturan' }).getByText('Dicabut').waitFor();
    await Promise.all([window.close(), second.fresh.close(), third.fresh.close()]);
  });
});
