import { Webhook } from 'standardwebhooks';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack } from '../support/stack';
import { contactableAgency, cycleInScreening, extendScreening, noticeIdsOf } from './notify-fixtures';
import { WebhookReceiver } from './webhook-receiver';

describe('[notify] signed webhooks', () => {
  const stack = Stack.shared();
  let cycleId = '';
  const receiver = new WebhookReceiver((body) => body.includes(cycleId));
  beforeAll(async () => {
    await stack.start();
    await receiver.start();
  });
  afterAll(async () => {
    await receiver.stop();
    await stack.stop();
  });

  const register = async (agency: { code: string; token: string }, url: string) => {
    const { status, body } = await stack.request('POST', `/agencies/${agency.code}/webhooks`, { url }, agency);
    expect(status).toBe(201);
    expect(body.secret).toMatch(/^whsec_/);
    return body as { id: string; secret: string };
  };
  const deliveriesOf = async (code: string) => {
    const own = await noticeIdsOf(stack, cycleId);
    return (await stack.request('GET', `/deliveries?agencyCode=${code}`)).body.items.filter(
      (item: { channel: string; noticeId: number }) => item.channel === 'webhook' && own.has(Number(item.noticeId)),
    );
  };

  let steady: Awaited<ReturnType<typeof contactableAgency>>;
  let flaky: typeof steady;
  let gone: typeof steady;
  let rotating: typeof steady;
  let steadyHook: { id: string; secret: string };
  let goneHook: typeof steadyHook;
  let oldHook: typeof steadyHook;
  let newSecret: string;

  /** One event (a screening deadline moved) tells four agencies, each with a receiver that behaves differently. */
  beforeAll(async () => {
    [steady, flaky, gone, rotating] = [
      await contactableAgency(stack),
      await contactableAgency(stack),
      await contactableAgency(stack),
      await contactableAgency(stack),
    ];
    steadyHook = await register(steady, receiver.answer('/steady', 200));
    await register(flaky, receiver.answer('/flaky', 500, 502, 503, 204));
    goneHook = await register(gone, receiver.answer('/gone', 410));
    oldHook = await register(rotating, receiver.answer('/rotating', 200));
    const rotated = await stack.request(
      'POST',
      `/agencies/${rotating.code}/webhooks/${oldHook.id}/rotate-secret`,
      {},
      rotating,
    );
    expect(rotated.status).toBe(200);
    newSecret = rotated.body.secret;

    cycleId = await cycleInScreening(stack, 2072, [steady, flaky, gone, rotating]);
    await extendScreening(stack, cycleId);

    await eventually('every webhook delivery to settle', async () => {
      const settled = await Promise.all(
        [steady, flaky, gone, rotating].map(async ({ code }) => (await deliveriesOf(code))[0]?.status),
      );
      return settled.every((status) => status === 'delivered' || status === 'disabled') ? true : undefined;
    });
  });

  it('[notify] the receiver verifies signatures with the reference library; one changed byte, a timestamp six minutes off or a wrong secret is rejected; during rotation both secrets verify', () => {
    // A clean delivery verifies; one byte, a stale timestamp or a wrong secret does not.
    const [delivered] = receiver.at('/steady');
    const verifier = new Webhook(steadyHook.secret);
    expect(verifier.verify(delivered.body, delivered.headers)).toMatchObject({ type: 'stage-deadline-extended' });
    expect(() => verifier.verify(delivered.body.replace('"', "'"), delivered.headers)).toThrow();
    expect(() => new Webhook(goneHook.secret).verify(delivered.body, delivered.headers)).toThrow();
    const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
    const stale = {
      'webhook-id': delivered.headers['webhook-id'],
      'webhook-timestamp': String(Math.floor(sixMinutesAgo.getTime() / 1000)),
      'webhook-signature': verifier.sign(delivered.headers['webhook-id'], sixMinutesAgo, delivered.body),
    };
    expect(() => verifier.verify(delivered.body, stale)).toThrow(/timestamp/i);

    const [rotatingRequest] = receiver.at('/rotating');
    expect(rotatingRequest.headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(oldHook.secret).verify(rotatingRequest.body, rotatingRequest.headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(rotatingRequest.body, rotatingRequest.headers)).not.toThrow();
  });

  it('[notify] a receiver that fails three times and then succeeds records exactly one accepted delivery', async () => {
    const flakyRequests = receiver.at('/flaky');
    // Each agency's message is its own: one webhook-id per notice, the same on every retry of it.
    const ids = ['/steady', '/flaky', '/gone', '/rotating'].map((path) => receiver.at(path)[0].headers['webhook-id']);
    expect(new Set(ids).size).toBe(4);
    expect(flakyRequests.map((request) => request.answered)).toEqual([500, 502, 503, 204]);
    expect(new Set(flakyRequests.map((request) => request.headers['webhook-id'])).size).toBe(1);
    const [flakyDelivery] = await deliveriesOf(flaky.code);
    expect(flakyDelivery.attemptLog.map((attempt: { outcome: string }) => attempt.outcome)).toEqual([
      'failed',
      'failed',
      'failed',
      'accepted',
    ]);
    // One delivery run carries the event's notices, named after the first of them.
    const noticeIds = await Promise.all(
      [steady, flaky, gone, rotating].map(async ({ code }) => (await deliveriesOf(code))[0].noticeId),
    );
    const firstNotice = Math.min(...noticeIds.map(Number));
    await recordReplayFixture(stack.client, `delivery-${firstNotice}-r0`, 'delivery-retried');
  });

  it('[notify] a 410 disables the endpoint after one attempt', async () => {
    expect(receiver.at('/gone')).toHaveLength(1);
    const [goneDelivery] = await deliveriesOf(gone.code);
    expect(goneDelivery).toMatchObject({ status: 'disabled', attempts: 1 });
    const endpoints = (await stack.request('GET', `/agencies/${gone.code}/webhooks`, undefined, gone)).body;
    expect(endpoints).toEqual([
      expect.objectContaining({ status: 'disabled', disabledReason: expect.stringMatching(/410/) }),
    ]);
  });
});
