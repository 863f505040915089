import type { Browser } from 'playwright-core';
import { launchBrowser, newWindow } from '../support/browser';
import { Stack, TEST_ADMIN } from '../support/stack';

jest.setTimeout(180_000);

/** The directives of a Content-Security-Policy header, each with its sources. */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

describe('[security] HTTP headers', () => {
  const stack = Stack.shared();
  let browser: Browser;

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), stack.start()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  it('[security] every answer of the API and the portal carries a CSP, nosniff, frame denial and a referrer policy, and no X-Powered-By or cookie', async () => {
    const index = await fetch(`${stack.origin}/`);
    const script = /<script[^>]+src="([^"]+)"/.exec(await index.text())?.[1];
    expect(script).toBeDefined();
    const post = (path: string, body: string) =>
      fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answers: [string, () => Promise<Response>][] = [
      ['the portal', () => Promise.resolve(index)],
      ['a deep link of the portal', () => fetch(`${stack.origin}/siklus`)],
      ["the portal's script", () => fetch(`${stack.origin}${script}`)],
      ['the health check', () => fetch(`${stack.baseUrl}/health`)],
      ['a refused sign-in', () => post('/auth/login', JSON.stringify({ email: TEST_ADMIN.email, password: 'salah' }))],
      ['a body that is not JSON', () => post('/auth/login', '{"email": ')],
      ['a route without a token', () => fetch(`${stack.baseUrl}/auth/me`)],
      ['an unknown API route', () => fetch(`${stack.baseUrl}/tidak-ada`)],
      ['the OpenAPI page', () => fetch(`${stack.baseUrl}/docs`)],
    ];

    for (const [what, answer] of answers) {
      const { status, headers } = await answer();
      const policy = directives(headers.get('content-security-policy'));
      expect({
        what,
        status,
        nosniff: headers.get('x-content-type-options'),
        frameOptions: headers.get('x-frame-options'),
        referrerPolicy: headers.get('referrer-policy'),
        poweredBy: headers.get('x-powered-by'),
        // The portal keeps its bearer token in the page, never in a cookie: no cookie, so nothing for CSRF to ride.
        setCookie: headers.get('set-cookie'),
        frameAncestors: policy['frame-ancestors'],
        defaultSrc: policy['default-src'],
        scriptSrc: policy['script-src'],
        objectSrc: policy['object-src'],
      }).toEqual({
        what,
        status,
        nosniff: 'nosniff',
        frameOptions: 'DENY',
        referrerPolicy: 'no-referrer',
        poweredBy: null,
        setCookie: null,
        frameAncestors: ["'none'"],
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
      });
    }
  });

  it('[security] the portal and the OpenAPI page work under the policy: nothing they load is refused', async () => {
    const window = await newWindow(browser, stack.origin);
    const page = await window.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('/masuk');
    await page.getByLabel('Surel').fill(TEST_ADMIN.email);
    await page.getByLabel('Kata sandi').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar', exact: true }).waitFor();
    await page.goto('/siklus');
    await page.getByRole('heading', { name: 'Siklus kompetisi' }).waitFor();
    await page.goto('/api/docs');
    await page.getByText('Tahap API').first().waitFor();
    expect(refused).toEqual([]);
    await window.close();
  });
});
