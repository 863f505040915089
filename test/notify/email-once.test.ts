import { eventually, Stack } from '../support/stack';
import { contactableAgency, cycleInScreening, extendScreening, namesCycle, noticeIdsOf } from './notify-fixtures';

const CRASHES = 3;

describe('[notify] e-mail', () => {
  const stack = new Stack('notify-email');
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[notify] the worker is killed between the SMTP server’s acceptance and the outbox update, repeatedly: the recipient ends with one message per event (one Message-ID)', async () => {
    const agency = await contactableAgency(stack, 'WIT');
    const cycleId = await cycleInScreening(stack, 2071, [agency]);

    // From now on the worker ends itself right after the SMTP server accepts a message, before recording it.
    await stack.stopWorker();
    await stack.startWorker({ TAHAP_TEST_CRASH_AFTER_SMTP_ACCEPT: '1' });
    await extendScreening(stack, cycleId);
    for (let crash = 1; crash <= CRASHES; crash++) {
      expect(await stack.workerExited()).toBe(75);
      await stack.startWorker(crash < CRASHES ? { TAHAP_TEST_CRASH_AFTER_SMTP_ACCEPT: '1' } : {});
    }

    const delivery = await eventually(
      'the e-mail delivery to be recorded',
      async () => {
        const { body } = await stack.request('GET', `/deliveries?agencyCode=${agency.code}`);
        const own = await noticeIdsOf(stack, cycleId);
        const email = body.items.find(
          (item: { channel: string; noticeId: number }) => item.channel === 'email' && own.has(Number(item.noticeId)),
        );
        return email?.status === 'delivered' ? email : undefined;
      },
      90_000,
    );
    expect(delivery.attemptLog.map((attempt: { outcome: string }) => attempt.outcome)).toEqual(['accepted']);

    const received = (
      await stack.request('GET', `/mail-sink/messages?to=${encodeURIComponent(agency.email)}`)
    ).body.filter(namesCycle(cycleId));
    // The SMTP server saw the message once per send; every copy is the same message to the recipient.
    expect(received.length).toBeGreaterThanOrEqual(CRASHES + 1);
    expect(new Set(received.map((message: { messageId: string }) => message.messageId))).toEqual(
      new Set([delivery.messageId]),
    );
    const message = received[0];
    expect(message.subject).toMatch(/diperpanjang/);
    // The agency is in Papua: the new deadline is shown in WIT, in both parts.
    expect(message.textBody).toMatch(/\d{2}:\d{2} WIT\. Alasan: Tambahan waktu verifikasi dokumen/);
    expect(message.htmlBody).toMatch(/<html lang="id">.*WIT\. Alasan: Tambahan waktu verifikasi dokumen/s);
  });
});
