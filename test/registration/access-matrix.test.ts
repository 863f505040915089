import { compressedPkri, ensureAgencies, INNOVATION, startCycle } from '../support/fixtures';
import { Stack, TEST_ADMIN, type Caller } from '../support/stack';

jest.setTimeout(180_000);

type Role = 'admin' | 'agency' | 'agency-unit' | 'evaluator' | 'panelist' | 'auditor';
const ROLES: Role[] = ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist', 'auditor'];
const ALL = ROLES;

/**
 * Who may call each route, written here independently of the code. `hidden`: allowed in principle, but the
 * resource used in the request (agency B's entry) is not theirs, so it must look absent (404).
 * Every route of the OpenAPI document must appear here: a new route without an expectation fails the test.
 */
const EXPECTED: Record<string, { allow: Role[] | 'public'; hidden?: Role[] }> = {
  'GET /health': { allow: 'public' },
  'GET /health/detail': { allow: ['admin'] },
  'POST /auth/login': { allow: 'public' },
  'GET /auth/me': { allow: ALL },
  // A person's own portal language: anyone signed in who may write (an auditor writes nothing, not even this).
  'PUT /auth/me/language': { allow: ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist'] },
  'PUT /auth/me/password': { allow: ['admin', 'agency', 'agency-unit', 'evaluator', 'panelist'] },
  'GET /users': { allow: ['admin'] },
  'POST /users': { allow: ['admin'] },
  'POST /users/{id}/disable': { allow: ['admin'] },
  'POST /users/{id}/enable': { allow: ['admin'] },
  'POST /users/{id}/sign-out': { allow: ['admin'] },
  'PUT /users/{id}/password': { allow: ['admin'] },
  'GET /agencies/{code}/api-keys': { allow: ['admin', 'agency', 'auditor'] },
  'POST /agencies/{code}/api-keys': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/api-keys/{id}/revoke': { allow: ['admin', 'agency'] },
  'GET /templates': { allow: ['admin', 'auditor'] },
  'GET /templates/{key}': { allow: ['admin', 'auditor'] },
  'GET /templates/{key}/versions/{version}': { allow: ['admin', 'auditor'] },
  'GET /templates/{key}/compare': { allow: ['admin', 'auditor'] },
  'POST /templates': { allow: ['admin'] },
  'POST /cycles': { allow: ['admin'] },
  'GET /cycles': { allow: ALL },
  'GET /cycles/{cycleId}': { allow: ALL },
  'POST /cycles/{cycleId}/stages/{stageKey}/open': { allow: ['admin'] },
  'POST /cycles/{cycleId}/stages/{stageKey}/close': { allow: ['admin'] },
  'POST /cycles/{cycleId}/stages/{stageKey}/extend': { allow: ['admin'] },
  'POST /cycles/{cycleId}/pause': { allow: ['admin'] },
  'POST /cycles/{cycleId}/resume': { allow: ['admin'] },
  'PUT /repetitions/{programme}': { allow: ['admin'] },
  'GET /repetitions/{programme}': { allow: ['admin', 'auditor'] },
  'DELETE /repetitions/{programme}': { allow: ['admin'] },
  'POST /repetitions/{programme}/trigger': { allow: ['admin'] },
  'POST /cycles/{cycleId}/screening/decisions': { allow: ['admin'] },
  'GET /agencies': { allow: ['admin', 'auditor'] },
  'GET /agencies/{code}': { allow: ['admin', 'auditor', 'agency', 'agency-unit'] },
  'POST /agencies': { allow: ['admin'] },
  'POST /agencies/import': { allow: ['admin'] },
  'POST /cycles/{cycleId}/entries': { allow: ['admin', 'agency'] },
  'GET /cycles/{cycleId}/entries': { allow: ALL },
  'GET /cycles/{cycleId}/entries.csv': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/dashboard': { allow: ['admin', 'auditor'] },
  'GET /entries/{entryId}': { allow: ALL, hidden: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  'PATCH /entries/{entryId}': { allow: ['agency'], hidden: ['agency'] },
  'POST /entries/{entryId}/withdraw': { allow: ['agency'], hidden: ['agency'] },
  // Lineage: whoever may see the entry; it lists other agencies' entries only by their public facts.
  'GET /entries/{entryId}/lineage': { allow: ALL, hidden: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  // Mean scores: the secretariat and auditors; an agency only its own entry's (the template decides which stages).
  'GET /entries/{entryId}/scores': {
    allow: ['admin', 'auditor', 'agency', 'agency-unit'],
    hidden: ['agency', 'agency-unit'],
  },
  'PUT /agencies/{code}/preferences': { allow: ['admin', 'agency'] },
  'GET /agencies/{code}/webhooks': { allow: ['admin', 'agency', 'auditor'] },
  'POST /agencies/{code}/webhooks': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/webhooks/{id}/rotate-secret': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/webhooks/{id}/enable': { allow: ['admin', 'agency'] },
  'POST /agencies/{code}/webhooks/{id}/disable': { allow: ['admin', 'agency'] },
  'GET /deliveries': { allow: ['admin', 'auditor'] },
  'GET /notices/{noticeId}/deliveries': { allow: ['admin', 'auditor', 'agency'] },
  'POST /notices/{noticeId}/resend': { allow: ['admin'] },
  'GET /mail-sink/messages': { allow: ['admin'] },
  'GET /mail-sink/messages/{id}/raw': { allow: ['admin'] },
  'GET /mail-sink/messages/{id}/attachments/{index}': { allow: ['admin'] },
  'GET /inbox': { allow: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  'GET /inbox/unread-count': { allow: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  'POST /inbox/{noticeId}/read': { allow: ['agency', 'agency-unit', 'evaluator', 'panelist'] },
  // Drafts stay inside the agency: its units write and send them, its Admin Lokal returns or submits them. The
  // draft asked for here is nobody's, so it looks absent.
  'POST /cycles/{cycleId}/drafts': { allow: ['agency', 'agency-unit'] },
  'GET /drafts': { allow: ['agency', 'agency-unit'] },
  'GET /drafts/{draftId}': { allow: ['agency', 'agency-unit'], hidden: ['agency', 'agency-unit'] },
  'PUT /drafts/{draftId}': { allow: ['agency', 'agency-unit'] },
  'DELETE /drafts/{draftId}': { allow: ['agency', 'agency-unit'], hidden: ['agency', 'agency-unit'] },
  'POST /drafts/{draftId}/send-for-review': { allow: ['agency-unit'], hidden: ['agency-unit'] },
  'POST /drafts/{draftId}/return': { allow: ['agency'] },
  'POST /drafts/{draftId}/submit': { allow: ['agency'], hidden: ['agency'] },
  'POST /cycles/{cycleId}/evaluators': { allow: ['admin'] },
  'GET /cycles/{cycleId}/evaluators': { allow: ['admin', 'auditor'] },
  'POST /entries/{entryId}/desk-scores': { allow: ['evaluator'], hidden: ['evaluator'] },
  'GET /entries/{entryId}/desk-scores': { allow: ['admin', 'auditor', 'evaluator'], hidden: ['evaluator'] },
  'GET /entries/{entryId}/desk-assignments': { allow: ['admin', 'auditor'] },
  'POST /entries/{entryId}/conflicts': { allow: ['evaluator'], hidden: ['evaluator'] },
  'POST /entries/{entryId}/desk-assignments/reassign': { allow: ['admin'] },
  // An evaluator's own work queue across cycles.
  'GET /desk-queue': { allow: ['evaluator'] },
  'GET /interview-agenda': { allow: ['panelist'] },
  'GET /cycles/{cycleId}/desk-assignments': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/desk-assignments/verify': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/desk-missing-scores': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/desk-results': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/selection': { allow: ['admin', 'auditor'] },
  // Uji publik: anyone reads the published nominees and may object to one.
  'GET /cycles/{cycleId}/nominees': { allow: 'public' },
  'POST /cycles/{cycleId}/objections': { allow: 'public' },
  'GET /cycles/{cycleId}/objections': { allow: ['admin', 'auditor'] },
  'POST /cycles/{cycleId}/objections/{objectionId}/resolution': { allow: ['admin'] },
  // Field verification: visitors read their own visits (the list is narrowed) and record outcomes of their own.
  'POST /cycles/{cycleId}/field-visits': { allow: ['admin'] },
  'GET /cycles/{cycleId}/field-visits': { allow: ['admin', 'auditor', 'panelist', 'evaluator'] },
  'POST /field-visits/{visitId}/outcome': { allow: ['admin', 'panelist', 'evaluator'] },
  // Interview: panelists read the panels and the schedule; an agency sees and moves only its own bookings.
  'PUT /cycles/{cycleId}/interview-panels': { allow: ['admin'] },
  // A panelist reads only the panels they sit on; this one sits on none of the cycle's.
  'GET /cycles/{cycleId}/interview-panels': { allow: ['admin', 'auditor', 'panelist'], hidden: ['panelist'] },
  'PUT /cycles/{cycleId}/interview-availability': { allow: ['admin', 'agency'] },
  'GET /cycles/{cycleId}/interview-schedule': {
    allow: ['admin', 'auditor', 'panelist', 'agency'],
    hidden: ['panelist'],
  },
  'GET /cycles/{cycleId}/interview-schedule/verify': { allow: ['admin', 'auditor'] },
  'GET /cycles/{cycleId}/interview-slots/free': { allow: ['admin', 'agency'] },
  'GET /entries/{entryId}/interview': {
    allow: ['admin', 'auditor', 'agency', 'agency-unit', 'panelist'],
    hidden: ['agency', 'agency-unit', 'panelist'],
  },
  'GET /entries/{entryId}/interview/calendar.ics': {
    allow: ['admin', 'auditor', 'agency', 'agency-unit', 'panelist'],
    hidden: ['agency', 'agency-unit', 'panelist'],
  },
  'POST /entries/{entryId}/interview/confirm': { allow: ['agency'], hidden: ['agency'] },
  'POST /entries/{entryId}/interview/move': { allow: ['agency', 'admin'], hidden: ['agency'] },
  'POST /entries/{entryId}/interview/attendance': { allow: ['panelist'], hidden: ['panelist'] },
  'POST /entries/{entryId}/interview/scores': { allow: ['panelist'], hidden: ['panelist'] },
  // Plenary: panelists sit and vote, the secretariat records and closes; announced results are public.
  // A panelist who does not sit in the cycle's plenary finds none.
  'GET /cycles/{cycleId}/plenary': { allow: ['admin', 'panelist', 'auditor'], hidden: ['panelist'] },
  'POST /cycles/{cycleId}/plenary/attendance': { allow: ['admin', 'panelist'] },
  'POST /cycles/{cycleId}/plenary/overrides': { allow: ['admin', 'panelist'] },
  'POST /cycles/{cycleId}/plenary/votes': { allow: ['panelist'] },
  'POST /cycles/{cycleId}/plenary/close': { allow: ['admin'] },
  'GET /cycles/{cycleId}/decisions': { allow: ['admin', 'panelist', 'auditor'], hidden: ['panelist'] },
  'GET /cycles/{cycleId}/decisions/{sequence}': { allow: ['admin', 'panelist', 'auditor'], hidden: ['panelist'] },
  'POST /cycles/{cycleId}/decisions/corrections': { allow: ['admin'] },
  'GET /cycles/{cycleId}/results': { allow: 'public' },
  // The announced decision's berita acara (HTML) is public with the results; before the announcement, 404.
  'GET /cycles/{cycleId}/results/document': { allow: 'public' },
  'GET /audit/workflows': { allow: ['admin', 'auditor'] },
  'GET /audit/workflows/{workflowId}/history': { allow: ['admin', 'auditor'] },
  'GET /audit/workflows/{workflowId}/timeline': { allow: ['admin', 'auditor'] },
  'GET /audit/workflows/{workflowId}/replay': { allow: ['admin', 'auditor'] },
  'GET /audit/cycles/{cycleId}/replay': { allow: ['admin', 'auditor'] },
  'GET /audit/cycles/{cycleId}/export': { allow: ['admin', 'auditor'] },
  'GET /audit/cycles/{cycleId}/cross-check': { allow: ['admin', 'auditor'] },
  'POST /audit/cycles/{cycleId}/seal': { allow: ['admin'] },
  'GET /audit/entries/{entryId}/state': { allow: ['admin', 'auditor'] },
  'GET /audit/log': { allow: ['admin', 'auditor'] },
  'GET /audit/log/verify': { allow: ['admin', 'auditor'] },
};

describe('[registration] access control', () => {
  const stack = new Stack('registration-access');
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
