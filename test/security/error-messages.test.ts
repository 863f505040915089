import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { contactableAgency } from '../notify/notify-fixtures';
import { Stack } from '../support/stack';

jest.setTimeout(180_000);

/** What a public answer must never carry: addresses, versions, driver words. */
const INTERNALS = /\d+\.\d+\.\d+\.\d+|:\d{4,5}\b|version|v\d+\.\d+|ECONN|grpc|postgres/i;

describe('[security] what error messages tell', () => {
  // Production's setting: webhooks only to public addresses.
  const stack = new Stack('security-errors', { WEBHOOKS_ALLOW_PRIVATE: 'false' });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[security] a webhook host that resolves inside the network is refused without naming the address it resolved to', async () => {
    // This machine's own name resolves to one of its internal addresses (on these machines, through /etc/hosts).
    const host = hostname();
    const internal = (await lookup(host, { all: true })).map((entry) => entry.address);
    expect(internal.length).toBeGreaterThan(0);
    const agency = await contactableAgency(stack);
    const { status, body } = await stack.request(
      'POST',
      `/agencies/${agency.code}/webhooks`,
      { url: `https://${host}/hook` },
      agency,
    );
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'WEBHOOK.URL_REFUSED',
      message: expect.stringContaining(`${host} resolves to an address that is not public`),
    });
    const told = JSON.stringify(body);
    expect(internal.filter((address) => told.includes(address))).toEqual([]);
  });

  it('[security] the public health check says only whether each part answers; what was found is for the secretariat', async () => {
    const open = await stack.request('GET', '/health', undefined, 'anonymous');
    expect(open.status).toBe(200);
    expect(open.body).toEqual({ status: 'ok', database: { ok: true }, temporal: { ok: true } });
    expect(JSON.stringify(open.body)).not.toMatch(INTERNALS);

    const detail = await stack.request('GET', '/health/detail');
    expect(detail.status).toBe(200);
    expect(detail.body.temporal.detail).toMatch(/^Temporal .* at 127\.0\.0\.1:\d+$/);
    expect(detail.body.database.detail).toMatch(/migrations applied/);
    expect((await stack.request('GET', '/health/detail', undefined, 'anonymous')).status).toBe(401);
    const agency = await stack.account('agency', (await contactableAgency(stack)).code);
    expect((await stack.request('GET', '/health/detail', undefined, agency)).status).toBe(403);
  });
});
