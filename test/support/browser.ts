import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it), driven by Playwright. The flags keep it
 * from reaching for Google's services, which this machine's closed network refuses.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A person's own browser window: desktop-sized, or a phone's (390 × 844) with `phone`. */
export async function newWindow(browser: Browser, origin: string, phone = false): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: origin,
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    locale: 'id-ID',
    acceptDownloads: true,
    // As a person who asked for less motion: no dialog or menu animates while a test waits for it.
    reducedMotion: 'reduce',
  });
  // What the page itself reports goes to the test's output, where a failure is read.
  context.on('weberror', (error) => console.error(`page error: ${error.error().message}`));
  context.on('console', (message) => {
    // A refusal the page shows (a 4xx from the API) is the test's own doing; anything else is worth reading.
    const refused = message.text().startsWith('Failed to load resource: the server responded with a status of 4');
    if (message.type() === 'error' && !refused)
      console.error(`page console: ${message.text()} (${message.location().url})`);
  });
  return context;
}

/** Signs in through the sign-in page, as a person would, and waits for the portal to show them signed in. */
export async function signIn(page: Page, email: string, password: string, path = '/'): Promise<void> {
  await page.goto(path === '/' ? '/masuk' : `/masuk?kembali=${encodeURIComponent(path)}`);
  await page.getByLabel('Surel').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  // Exact: a page may hold buttons whose names contain the word (the plenary's "Usulkan keluar").
  await page.getByRole('button', { name: 'Keluar', exact: true }).waitFor();
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page as it stands (WCAG 2.1 A and AA rules). */
export async function seriousAxeViolations(page: Page): Promise<{ page: string; violations: AxeViolation[] }> {
  // Evaluated, not added as an inline <script>: the portal's Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
    const result = await axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations as AxeViolation[];
  });
  return {
    page: new URL(page.url()).pathname,
    violations: violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) })),
  };
}

const SCREENSHOTS = resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** A screenshot for the README, of the page as the test left it. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The portal keeps its session in localStorage under this key (apps/web/src/session/session.tsx). */
const SESSION_KEY = 'tahap.session';

export async function storedToken(page: Page): Promise<string> {
  return page.evaluate((key) => JSON.parse((globalThis as any).localStorage.getItem(key)).token as string, SESSION_KEY);
}

/** Replaces the token the portal holds, as if the browser had kept another one. */
export async function storeToken(page: Page, token: string): Promise<void> {
  await page.evaluate(
    ([key, value]) => {
      const storage = (globalThis as any).localStorage;
      storage.setItem(key, JSON.stringify({ ...JSON.parse(storage.getItem(key)), token: value }));
    },
    [SESSION_KEY, token],
  );
}
