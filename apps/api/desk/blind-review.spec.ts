import { PKRI_2024, type ResolvedTemplate } from '../../../libs/domain';
import { asReaderOfCycle, readsBlind, withoutAgencyIdentity } from './blind-review';

const registeredAt = new Date('2095-03-01T02:00:00Z');
const entry = {
  id: 'e1',
  agencyCode: 'kab-banyuwangi',
  title: 'Layanan Antar Dokumen',
  registeredAt,
  stageHistory: [{ stage: 'pendaftaran', reason: null }],
};

/** PKRI 2024's stages with the desk stage's `blindReview` as given. */
function template(blindReview?: boolean): Pick<ResolvedTemplate, 'stages'> {
  const stages = structuredClone(PKRI_2024.stages).map((stage) =>
    stage.type === 'desk-evaluation' && blindReview !== undefined
      ? { ...stage, params: { ...stage.params, blindReview } }
      : stage,
  );
  return { stages } as unknown as Pick<ResolvedTemplate, 'stages'>;
}

describe('blind review', () => {
  it('leaves out the agency’s name, code, province and 3T at any depth, and keeps everything else', () => {
    const response = {
      items: [
        entry,
        { ...entry, id: 'e2', agencyName: 'Kabupaten Banyuwangi', province: 'Jawa Timur', region3T: true },
      ],
      total: 2,
      rubric: { criteria: [{ key: 'kebaruan', weight: 20 }] },
    };
    const blind = withoutAgencyIdentity(response);
    expect(JSON.stringify(blind)).not.toMatch(/banyuwangi|Jawa Timur|region3T|agency/i);
    expect(blind).toEqual({
      items: [
        { id: 'e1', title: entry.title, registeredAt, stageHistory: entry.stageHistory },
        { id: 'e2', title: entry.title, registeredAt, stageHistory: entry.stageHistory },
      ],
      total: 2,
      rubric: response.rubric,
    });
    // Instants stay instants, and the response given is not changed.
    expect(blind.items[0].registeredAt).toBe(registeredAt);
    expect(response.items[1]).toHaveProperty('agencyName', 'Kabupaten Banyuwangi');
    expect(withoutAgencyIdentity(null)).toBeNull();
    expect(withoutAgencyIdentity([1, 'kab-banyuwangi'])).toEqual([1, 'kab-banyuwangi']);
  });

  it('applies to evaluators of a cycle under blind review only; admins and auditors see everything', () => {
    expect(readsBlind({ role: 'evaluator' }, template(true))).toBe(true);
    expect(readsBlind({ role: 'evaluator' }, template(false))).toBe(false);
    expect(readsBlind({ role: 'evaluator' }, template())).toBe(false);
    for (const role of ['admin', 'auditor', 'agency', 'panelist'] as const) {
      expect(readsBlind({ role }, template(true))).toBe(false);
      expect(asReaderOfCycle(entry, { role }, template(true))).toBe(entry);
    }
    expect(asReaderOfCycle(entry, { role: 'evaluator' }, template(true))).not.toHaveProperty('agencyCode');
    expect(asReaderOfCycle(entry, { role: 'evaluator' }, template(false))).toBe(entry);
  });
});
