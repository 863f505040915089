import { Stack } from '../support/stack';

jest.setTimeout(180_000);

const HEADER = 'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language';
const ROW = (code: string) =>
  `${code},Pemerintah Kabupaten Uji Impor,kabupaten,Jawa Tengah,WIB,Humas,humas@${code}.example.go.id,,id`;
const IMPORTED = 'kab-uji-keamanan-impor';
/** Over the import's 5 MB. */
const HUGE_CSV = `${HEADER}\n${ROW('kab-uji-keamanan-besar').padEnd(6 * 1024 * 1024, ' ')}\n`;
const AGENCY = {
  code: 'kab-uji-keamanan-json',
  name: 'Pemerintah Kabupaten Uji Keamanan JSON',
  cluster: 'kabupaten',
  province: 'Jawa Tengah',
  zone: 'WIB',
};

describe('[security] request bodies', () => {
  const stack = Stack.shared();
  const agencyExists = async (code: string) =>
    (await stack.db.query('SELECT 1 FROM agencies WHERE code = $1', [code])).length > 0;

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[security] a CSV body is read only on the import route, after sign-in; every other route refuses it as an unsupported type', async () => {
    // Nobody signed in: refused for that, before the upload is read, however large it is.
    const anonymous = await stack.request('POST', '/agencies/import', HUGE_CSV, 'anonymous');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.REQUIRED');

    // A public route and a signed-in route take JSON; a CSV body is refused, as text/plain is, saying what to send.
    for (const [path, as, body] of [
      ['/auth/login', 'anonymous', 'email,password\nadmin@tahap.test,x\n'],
      ['/agencies', stack.admin, `code,name\n${AGENCY.code},${AGENCY.name}\n`],
    ] as const) {
      for (const type of ['text/csv', 'text/plain']) {
        const refused = await stack.request('POST', path, body, as, { 'content-type': type });
        expect({ path, type, status: refused.status, code: refused.body.code }).toEqual({
          path,
          type,
          status: 415,
          code: 'REQUEST.UNSUPPORTED_TYPE',
        });
        expect(refused.body.message).toMatch(/application\/json/);
      }
    }
    expect(await agencyExists(AGENCY.code)).toBe(false);
    // JSON there works as before.
    expect((await stack.request('POST', '/agencies', AGENCY)).status).toBe(201);

    // The import takes CSV from an admin, and says what to send when it gets JSON or a file over its limit.
    const json = await stack.request('POST', '/agencies/import', { csv: `${HEADER}\n${ROW(IMPORTED)}` });
    expect(json.status).toBe(415);
    expect(json.body.message).toMatch(/text\/csv/);
    const huge = await stack.request('POST', '/agencies/import', HUGE_CSV);
    expect(huge.status).toBe(413);
    expect(huge.body.message).toMatch(/5 MB/);
    expect(await agencyExists('kab-uji-keamanan-besar')).toBe(false);
    const imported = await stack.request('POST', '/agencies/import', `${HEADER}\n${ROW(IMPORTED)}\n`);
    expect(imported.status).toBe(201);
    expect(imported.body).toEqual({ imported: 1 });
    expect(await agencyExists(IMPORTED)).toBe(true);
  });
});
