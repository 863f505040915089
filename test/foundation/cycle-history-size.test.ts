import { compressedPkri, cycleStatus, ensureAgencies, startCycle, INNOVATION } from '../support/fixtures';
import { historyLength } from '../support/history';
import { eventually, Stack } from '../support/stack';
import { DEMO_AGENCIES } from '../../scripts/demo-data';

jest.setTimeout(180_000);

describe('[foundation] the cycle history grows with stages, not entries', () => {
  const stack = new Stack('foundation-history-size');
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  async function runCycle(year: number, entries: number): Promise<number> {
    const cycleId = await startCycle(stack, compressedPkri(year, { submission: 12, others: 1 }));
    for (let index = 0; index < entries; index++) {
      const agency = DEMO_AGENCIES[index % DEMO_AGENCIES.length];
      const { status, body } = await stack.request('POST', `/cycles/${cycleId}/entries`, {
        agencyCode: agency.code,
        title: `Inovasi ${index + 1}`,
        summary: 'Inovasi pelayanan publik untuk uji ukuran riwayat siklus.',
        group: 'keberlanjutan',
        ...INNOVATION,
      });
      if (status !== 201) throw new Error(`registration ${index + 1} answered ${status}: ${JSON.stringify(body)}`);
    }
    await eventually(
      `cycle ${cycleId} to complete`,
      async () => ((await cycleStatus(stack, cycleId)).status === 'completed' ? true : undefined),
      120_000,
    );
    return historyLength(stack.client, cycleId);
  }

  it('[foundation] a cycle with 2 entries and one with 50 have the same history length (±5 events)', async () => {
    const [small, large] = await Promise.all([runCycle(2092, 2), runCycle(2093, 50)]);
    expect(small).toBeGreaterThan(0);
    expect(Math.abs(large - small)).toBeLessThanOrEqual(5);
  });
});
