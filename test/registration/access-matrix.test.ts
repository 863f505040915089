import { compressedPkri, ensureAgencies, INNOVATION, startCycle } from '../support/fixtures';
import { EXPECTED, ROLES, type Role } from '../support/access-expectations';
import { Stack, TEST_ADMIN, type Caller } from '../support/stack';

jest.setTimeout(180_000);

describe('[registration] access control', () => {
  const stack = Stack.shared();
  const callers = {} as Record<Role, Caller>;
  let agencyKey: Caller;
  let cycleId: string;
  let entryOfB: string;
  let params: Record<string, string>;

  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
    cycleId = await startCycle(stack, compressedPkri(2082, { submission: 900, others: 60 }));
    callers.admin = stack.admin;
    callers.agency = await stack.account('agency', 'kab-banyuwangi');
    callers['agency-unit'] = await stack.account('agency-unit', 'kab-banyuwangi');
    for (const role of ['evaluator', 'panelist', 'auditor'] as const) callers[role] = await stack.account(role);
    const agencyB = await stack.account('agency', 'kab-bojonegoro');
    const registered = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      {
        title: 'Entri agensi B',
        summary: 'Inovasi milik Kabupaten Bojonegoro.',
        group: 'keberlanjutan',
        ...INNOVATION,
      },
      agencyB,
    );
    expect(registered.status).toBe(201);
    entryOfB = registered.body.id;
    const key = await stack.request('POST', '/agencies/kab-banyuwangi/api-keys', { name: 'SIPP' }, callers.agency);
    expect(key.status).toBe(201);
    agencyKey = { apiKey: key.body.key };
    params = {
      code: 'kab-banyuwangi',
      id: '00000000-0000-4000-8000-000000000000',
      key: 'pkri-2024',
      version: '1',
      cycleId,
      // Admin calls that pass the guard must not change the cycle: no such stage, no such programme.
      stageKey: 'no-such-stage',
      programme: 'no-such-programme',
      entryId: entryOfB,
      noticeId: '999999999',
      draftId: '00000000-0000-4000-8000-000000000000',
      objectionId: '00000000-0000-4000-8000-000000000000',
      visitId: '00000000-0000-4000-8000-000000000000',
      workflowId: 'no-such-workflow',
      sequence: '1',
      index: '0',
    };
  });
  afterAll(() => stack.stop());

  async function routes(): Promise<{ method: string; path: string }[]> {
    const { body: document } = await stack.request('GET', '/docs-json', undefined, 'anonymous');
    return Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      // Paths as the suite's requests name them: under the API's prefix, which `stack.request` adds.
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path: path.replace(/^\/api\//, '/') })),
    );
  }

  /** Bodies valid enough to reach the ownership check; every other write is sent an empty object. */
  const bodyFor = (method: string, path: string) =>
    method === 'GET'
      ? undefined
      : path.endsWith('/withdraw') || path.endsWith('/conflicts')
        ? { reason: 'uji akses' }
        : path.endsWith('/desk-scores') || path.endsWith('/interview/scores')
          ? { scores: {} }
          : path.endsWith('/interview/move')
            ? { slotId: '00000000-0000-4000-8000-000000000000' }
            : path.endsWith('/interview/attendance')
              ? { attendance: 'present' }
              : {};
  const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]));
  const query = (path: string) => (path.endsWith('/compare') ? '?from=1&to=1' : '');

  it('[registration] every route of the OpenAPI document answers each role exactly as expected', async () => {
    const documented = await routes();
    const unexpected = documented.map(({ method, path }) => `${method} ${path}`).filter((route) => !EXPECTED[route]);
    expect(unexpected).toEqual([]);
    expect(documented.length).toBe(Object.keys(EXPECTED).length);

    const mismatches: string[] = [];
    for (const { method, path } of documented) {
      const expectation = EXPECTED[`${method} ${path}`];
      const url = fill(path) + query(path);
      const anonymous = await stack.request(method, url, bodyFor(method, path), 'anonymous');
      if (expectation.allow !== 'public' && anonymous.status !== 401) {
        mismatches.push(`anonymous ${method} ${path}: ${anonymous.status}, expected 401`);
      }
      for (const role of ROLES) {
        const { status, body } = await stack.request(method, url, bodyFor(method, path), callers[role]);
        const allowed = expectation.allow === 'public' || expectation.allow.includes(role);
        const expected = !allowed ? 403 : expectation.hidden?.includes(role) ? 404 : 'reached';
        const ok = expected === 'reached' ? status < 500 && status !== 401 && status !== 403 : status === expected;
        if (!ok) mismatches.push(`${role} ${method} ${path}: ${status} ${body?.code ?? ''}, expected ${expected}`);
        if (status >= 400 && typeof body?.message !== 'string')
          mismatches.push(`${role} ${method} ${path}: no message`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('[registration] an auditor reads everything and every write that is not public fails', async () => {
    // Public writes (signing in, objecting during uji publik) are open to anyone, with or without a token.
    const writes = (await routes()).filter(
      ({ method, path }) => method !== 'GET' && EXPECTED[`${method} ${path}`].allow !== 'public',
    );
    for (const { method, path } of writes) {
      const { status } = await stack.request(method, fill(path), {}, callers.auditor);
      expect(`${method} ${path} ${status}`).toBe(`${method} ${path} 403`);
    }
    expect((await stack.request('GET', `/entries/${entryOfB}`, undefined, callers.auditor)).status).toBe(200);
  });

  it("[registration] agency A can neither read nor change agency B's entry by id, by token or by API key", async () => {
    for (const as of [callers.agency, agencyKey]) {
      expect((await stack.request('GET', `/entries/${entryOfB}`, undefined, as)).status).toBe(404);
      expect((await stack.request('PATCH', `/entries/${entryOfB}`, { title: 'Diambil alih' }, as)).status).toBe(404);
      expect((await stack.request('POST', `/entries/${entryOfB}/withdraw`, { reason: 'bukan milik' }, as)).status).toBe(
        404,
      );
      const { body } = await stack.request('GET', `/cycles/${cycleId}/entries`, undefined, as);
      expect(body.items.map((entry: { agencyCode: string }) => entry.agencyCode)).not.toContain('kab-bojonegoro');
      expect((await stack.request('GET', '/agencies/kab-bojonegoro/api-keys', undefined, as)).status).toBe(404);
    }
    // An API key acts for its agency's systems, but cannot mint keys or redirect notices.
    expect(
      (await stack.request('POST', '/agencies/kab-banyuwangi/api-keys', { name: 'Kunci kedua' }, agencyKey)).status,
    ).toBe(403);
    const hook = await stack.request(
      'POST',
      '/agencies/kab-banyuwangi/webhooks',
      { url: 'https://example.go.id/hook' },
      agencyKey,
    );
    expect(hook.status).toBe(403);
    const untouched = await stack.request('GET', `/entries/${entryOfB}`);
    expect(untouched.body).toMatchObject({ title: 'Entri agensi B', status: 'active' });
  });

  it('[registration] tokens are pinned to HS256, and failed logins are rate-limited', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ sub: 'x', role: 'admin', iss: 'tahap', aud: 'tahap-api' })).toString(
      'base64url',
    );
    expect((await stack.request('GET', '/users', undefined, { token: `${header}.${claims}.` })).status).toBe(401);

    const victim = await stack.account('auditor');
    // A client's first three failures at an account are free; then it waits (test/security/accounts.test.ts).
    for (let attempt = 0; attempt < 3; attempt++) {
      const wrong = await stack.request('POST', '/auth/login', { email: victim.email, password: 'wrong' }, 'anonymous');
      expect(wrong.status).toBe(401);
    }
    const blocked = await stack.request(
      'POST',
      '/auth/login',
      { email: victim.email, password: 'password-for-tests' },
      'anonymous',
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/try again after .* WIB/);
    expect((await stack.login(TEST_ADMIN.email, TEST_ADMIN.password)).token).toBeTruthy();
  });
});
