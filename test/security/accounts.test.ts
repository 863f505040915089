import { Stack, TEST_ADMIN, type Caller } from '../support/stack';

jest.setTimeout(180_000);

const PASSWORD = 'password-for-tests';
/** Client addresses from the documentation ranges, as the reverse proxy names them in X-Forwarded-For. */
const ATTACKER = '203.0.113.66';
const OFFICE = '198.51.100.20';

describe('[security] accounts and sign-in', () => {
  // Behind a reverse proxy: the client address is the one it forwards.
  const stack = new Stack('security-accounts', { TRUST_PROXY: 'loopback' });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const signIn = (email: string, password: string, from: string) =>
    stack.request('POST', '/auth/login', { email, password }, 'anonymous', { 'x-forwarded-for': from });
  const tokenOf = (answer: { body: { accessToken: string } }): Caller => ({ token: answer.body.accessToken });
  const canRead = async (caller: Caller) => (await stack.request('GET', '/auth/me', undefined, caller)).status;
  const changePassword = (caller: Caller, currentPassword: string, newPassword: string) =>
    stack.request('PUT', '/auth/me/password', { currentPassword, newPassword }, caller);

  it("[security] wrong passwords slow down only the client that sent them: the right password from elsewhere gets in, the admin's included", async () => {
    const person = await stack.account('evaluator');
    for (const email of [person.email, TEST_ADMIN.email]) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        expect((await signIn(email, 'salah-sekali', ATTACKER)).status).toBe(401);
      }
      const held = await signIn(email, email === TEST_ADMIN.email ? TEST_ADMIN.password : PASSWORD, ATTACKER);
      expect(held.status).toBe(429);
      expect(held.body.message).toMatch(/try again after .* WIB/);
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    }
    expect((await signIn(person.email, PASSWORD, OFFICE)).status).toBe(200);
    expect((await signIn(TEST_ADMIN.email, TEST_ADMIN.password, OFFICE)).status).toBe(200);
  });

  it('[security] each further failure from a client doubles its wait, up to a ceiling; an old failure is forgotten', async () => {
    const person = await stack.account('panelist');
    const client = '203.0.113.77';
    // The waits already served: the failures are moved back in time rather than waited out.
    const serveWait = () =>
      stack.db.query(`UPDATE login_failures SET at = at - interval '20 minutes' WHERE client = $1`, [client]);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) await signIn(person.email, 'salah', client);
    for (let round = 0; round < 3; round++) {
      waits.push(Number((await signIn(person.email, PASSWORD, client)).headers.get('retry-after')));
      await serveWait();
      expect((await signIn(person.email, 'salah', client)).status).toBe(401);
    }
    // 30 s, 60 s, 120 s: each within a second of it.
    expect(waits.map((wait, round) => Math.round(wait / (30 * 2 ** round)))).toEqual([1, 1, 1]);

    // Failures older than a day are deleted at the next failure; the table is indexed for the throttle's query.
    await stack.db.query(
      `INSERT INTO login_failures (email, client, at) VALUES ('lama@tahap.test', $1, now() - interval '2 days')`,
      [client],
    );
    await signIn('lama@tahap.test', 'salah', '203.0.113.78');
    const [{ old }] = await stack.db.query(
      `SELECT count(*)::int AS old FROM login_failures WHERE at < now() - interval '1 day'`,
    );
    expect(old).toBe(0);
    const plan = await stack.db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const rows = await tx.query(
        `EXPLAIN SELECT count(*) FROM login_failures WHERE client = $1 AND at > now() - interval '15 minutes'`,
        [client],
      );
      return rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan using login_failures_/);
  });

  it('[security] a disabled account cannot sign in and its tokens stop at once; enabled again, it signs in anew', async () => {
    const person = await stack.account('agency', await anAgency(stack));
    expect(await canRead(person)).toBe(200);
    const disabled = await stack.request('POST', `/users/${person.userId}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toEqual(expect.any(String));
    expect(await canRead(person)).toBe(401);
    const refused = await signIn(person.email, PASSWORD, OFFICE);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.ACCOUNT_DISABLED' });
    // A wrong password still says only that it is wrong: nothing about the account to a stranger.
    expect((await signIn(person.email, 'salah', OFFICE)).body.code).toBe('AUTH.INVALID_CREDENTIALS');

    expect((await stack.request('POST', `/users/${person.userId}/enable`)).body.disabledAt).toBeNull();
    expect(await canRead(person)).toBe(401);
    const again = await signIn(person.email, PASSWORD, OFFICE);
    expect(again.status).toBe(200);
    expect(await canRead(tokenOf(again))).toBe(200);

    const me = await stack.request('GET', '/auth/me');
    const self = await stack.request('POST', `/users/${me.body.userId}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.message).toMatch(/your own account/);
    expect((await stack.request('POST', `/users/00000000-0000-4000-8000-000000000000/disable`)).status).toBe(404);
    expect((await stack.request('POST', `/users/bukan-id/disable`)).status).toBe(404);
  });

  it('[security] the secretariat ends every session of an account at once; the person signs in again', async () => {
    const person = await stack.account('auditor');
    const other = tokenOf(await signIn(person.email, PASSWORD, OFFICE));
    expect((await stack.request('POST', `/users/${person.userId}/sign-out`)).status).toBe(200);
    expect(await canRead(person)).toBe(401);
    expect(await canRead(other)).toBe(401);
    const answer = await stack.request('GET', '/auth/me', undefined, person);
    expect(answer.body.message).toMatch(/session has ended/);
    expect(await canRead(tokenOf(await signIn(person.email, PASSWORD, OFFICE)))).toBe(200);
  });

  it('[security] a person changes their password: other sessions end, this one goes on, the old password no longer works', async () => {
    const person = await stack.account('evaluator');
    const elsewhere = tokenOf(await signIn(person.email, PASSWORD, OFFICE));
    const wrong = await changePassword(person, 'bukan-sandi-ini', 'sandi-baru-yang-panjang');
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ path: 'currentPassword' })]);
    const short = await changePassword(person, PASSWORD, 'pendek');
    expect(short.status).toBe(400);
    expect(short.body.message).toMatch(/newPassword must be at least 12 characters/);
    expect(await canRead(elsewhere)).toBe(200);

    const changed = await changePassword(person, PASSWORD, 'sandi-baru-yang-panjang');
    expect(changed.status).toBe(200);
    expect(await canRead(tokenOf(changed))).toBe(200);
    expect(await canRead(person)).toBe(401);
    expect(await canRead(elsewhere)).toBe(401);
    expect((await signIn(person.email, PASSWORD, OFFICE)).status).toBe(401);
    expect((await signIn(person.email, 'sandi-baru-yang-panjang', OFFICE)).status).toBe(200);

    // Someone who lost theirs gets one from the secretariat; their sessions end too.
    const reset = await stack.request('PUT', `/users/${person.userId}/password`, {
      newPassword: 'sandi-dari-sekretariat',
    });
    expect(reset.status).toBe(200);
    expect(await canRead(tokenOf(changed))).toBe(401);
    expect((await signIn(person.email, 'sandi-dari-sekretariat', OFFICE)).status).toBe(200);
  });
});

/** An agency for an agency account, created once per run. */
async function anAgency(stack: Stack): Promise<string> {
  const code = 'kab-uji-akun';
  const created = await stack.request('POST', '/agencies', {
    code,
    name: 'Pemerintah Kabupaten Uji Akun',
    cluster: 'kabupaten',
    province: 'Jawa Timur',
    zone: 'WIB',
  });
  if (created.status !== 201 && created.status !== 409) throw new Error(`agency answered ${created.status}`);
  return code;
}
