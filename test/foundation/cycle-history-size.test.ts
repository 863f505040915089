import { compressedPkri, cycleStatus, ensureAgencies, startCycle, INNOVATION } from '../support/fixtures';
import { historyLength } from '../support/history';
import { eventually, Stack } from '../support/stack';
import { DEMO_AGENCIES } from '../../scripts/demo-data';

// Alone a run takes under a minute; beside the heaviest suites on two cores, several times that.
jest.setTimeout(360_000);

describe('[foundation] the cycle history grows with stages, not entries', () => {
  const stack = Stack.shared();
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  async function runCycle(year: number, entries: number): Promise<number> {
    // The cycle runs on its own calendar: registrations go ten at a time to fit well inside the submission window.
    const cycleId = await startCycle(stack, compressedPkri(year, { submission: 20, others: 1 }));
    const register = async (index: number) => {
      const agency = DEMO_AGENCIES[index % DEMO_AGENCIES.length];
      const { status, body } = await stack.request('POST', `/cycles/${cycleId}/entries`, {
        agencyCode: agency.code,
        title: `Inovasi ${index + 1}`,
        summary: 'Inovasi pelayanan publik untuk uji ukuran riwayat siklus.',
        group: 'keberlanjutan',
        ...INNOVATION,
      });
      if (status !== 201) throw new Error(`registration ${index + 1} answered ${status}: ${JSON.stringify(body)}`);
    };
    for (let start = 0; start < entries; start += 10) {
      await Promise.all(Array.from({ length: Math.min(10, entries - start) }, (_, offset) => register(start + offset)));
    }
    await eventually(
      `cycle ${cycleId} to complete`,
      async () => ((await cycleStatus(stack, cycleId)).status === 'completed' ? true : undefined),
      300_000,
    );
    return historyLength(stack.client, cycleId);
  }

  it('[foundation] a cycle with 2 entries and one with 50 have the same history length (±5 events)', async () => {
    const [small, large] = await Promise.all([runCycle(2092, 2), runCycle(2093, 50)]);
    expect(small).toBeGreaterThan(0);
    expect(Math.abs(large - small)).toBeLessThanOrEqual(5);
  });
});
