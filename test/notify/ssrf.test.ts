import { eventually, Stack } from '../support/stack';
import { contactableAgency, cycleInScreening, extendScreening, noticeIdsOf } from './notify-fixtures';
import { WebhookReceiver } from './webhook-receiver';

describe('[notify] webhook addresses inside the network are refused', () => {
  // Production's setting: no webhooks to loopback, private or link-local addresses.
  const stack = new Stack('notify-ssrf', { WEBHOOKS_ALLOW_PRIVATE: 'false' });
  const receiver = new WebhookReceiver();
  beforeAll(async () => {
    await stack.start();
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await stack.stop();
  });

  it('[notify] a webhook URL pointing at 127.0.0.1, 10.0.0.1 or 169.254.169.254 is refused at registration, and no request is sent', async () => {
    const agency = await contactableAgency(stack);
    const port = new URL(receiver.url).port;
    for (const url of [
      `https://127.0.0.1:${port}/hook`,
      'https://10.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data',
      `http://127.0.0.1:${port}/hook`,
      'https://[::1]/hook',
      'https://localhost/hook',
    ]) {
      const { status, body } = await stack.request('POST', `/agencies/${agency.code}/webhooks`, { url }, agency);
      expect(`${url} ${status}`).toBe(`${url} 422`);
      expect(body).toMatchObject({ code: 'WEBHOOK.URL_REFUSED', details: [expect.objectContaining({ path: 'url' })] });
    }
    expect((await stack.request('GET', `/agencies/${agency.code}/webhooks`, undefined, agency)).body).toEqual([]);
    expect(receiver.received).toEqual([]);
  });

  it('[notify] an endpoint that points inside the network by the time of sending is refused again, and nothing is sent', async () => {
    const agency = await contactableAgency(stack);
    receiver.answer('/late', 200);
    // Registered while its name resolved to a public address; it now points at this machine.
    await stack.db.query(`INSERT INTO webhook_endpoints (agency_code, url, secret) VALUES ($1, $2, $3)`, [
      agency.code,
      `${receiver.url.replace('http:', 'https:')}/late`,
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    ]);
    const cycleId = await cycleInScreening(stack, 2073, [agency]);
    await extendScreening(stack, cycleId);
    const delivery = await eventually('the webhook delivery to be refused', async () => {
      const { body } = await stack.request('GET', `/deliveries?agencyCode=${agency.code}`);
      const own = await noticeIdsOf(stack, cycleId);
      const webhook = body.items.find(
        (item: { channel: string; noticeId: number }) => item.channel === 'webhook' && own.has(Number(item.noticeId)),
      );
      return webhook?.status === 'failed' ? webhook : undefined;
    });
    expect(delivery.attemptLog).toEqual([
      expect.objectContaining({ outcome: 'refused', detail: expect.stringMatching(/loopback/) }),
    ]);
    expect(receiver.at('/late')).toEqual([]);
  });
});
