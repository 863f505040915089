import { eventually, Stack } from '../support/stack';
import { contactableAgency, cycleInScreening, extendScreening, namesCycle } from './notify-fixtures';

describe('[notify] the delivery log', () => {
  const stack = Stack.shared();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[notify] every notice reaches the inbox in the agency’s language, and an admin’s re-send is a new recorded round with its own Message-ID', async () => {
    const agency = await contactableAgency(stack, 'WITA');
    const english = await stack.request(
      'PUT',
      `/agencies/${agency.code}/preferences`,
      { channels: ['email'], language: 'en' },
      agency,
    );
    expect(english.status).toBe(200);
    const badPreferences = await stack.request(
      'PUT',
      `/agencies/${agency.code}/preferences`,
      { channels: ['sms'], language: 'jv' },
      agency,
    );
    expect(badPreferences.status).toBe(400);
    expect(badPreferences.body.details.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'channels',
      'language',
    ]);

    const cycleId = await cycleInScreening(stack, 2074, [agency]);
    await extendScreening(stack, cycleId, 'More time to check documents');
    const [notice] = await eventually('the notice in the inbox', async () => {
      const { body } = await stack.request('GET', '/inbox', undefined, agency);
      const own = body.filter(namesCycle(cycleId));
      return own.length > 0 ? own : undefined;
    });
    expect(notice).toMatchObject({ kind: 'stage-deadline-extended', language: 'en' });
    expect(notice.body).toMatch(/is now \d{1,2} \w{3} \d{4} \d{2}:\d{2} WITA\. Reason: More time to check documents/);
    const first = await eventually('the first round to be delivered', async () => {
      const { body } = await stack.request('GET', `/notices/${notice.id}/deliveries`, undefined, agency);
      return body.deliveries[0]?.status === 'delivered' ? body.deliveries[0] : undefined;
    });

    const resent = await stack.request('POST', `/notices/${notice.id}/resend`);
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ round: 1, deliveries: 1 });
    const rounds = await eventually('the re-send to be delivered', async () => {
      const { body } = await stack.request('GET', `/notices/${notice.id}/deliveries`);
      return body.deliveries[1]?.status === 'delivered' ? body.deliveries : undefined;
    });
    expect(rounds.map((delivery: { round: number }) => delivery.round)).toEqual([0, 1]);
    expect(rounds[1].messageId).not.toBe(first.messageId);
    const mail = (await stack.request('GET', `/mail-sink/messages?to=${encodeURIComponent(agency.email)}`)).body.filter(
      namesCycle(cycleId),
    );
    expect(new Set(mail.map((message: { messageId: string }) => message.messageId))).toEqual(
      new Set([first.messageId, rounds[1].messageId]),
    );
    expect((await stack.request('POST', `/notices/${notice.id}/resend`, undefined, agency)).status).toBe(403);
  });
});
