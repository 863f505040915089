import type { AssignableEntry, AssignableEvaluator } from '../desk/assignment';
import { planVisits, visitDays } from './plan-visits';

const entry = (id: string, agencyCode: string, replicatesAgencyCode: string | null = null): AssignableEntry => ({
  id,
  agencyCode,
  province: 'Jawa Timur',
  replicatesAgencyCode,
});
const person = (id: string, affiliations: string[], extra: Partial<AssignableEvaluator> = {}): AssignableEvaluator => ({
  id,
  name: id.toUpperCase(),
  affiliations,
  ...extra,
});

describe('planVisits', () => {
  const entries = [
    entry('e1', 'kab-banyuwangi'),
    entry('e2', 'kota-padang'),
    entry('e3', 'kab-lamongan', 'prov-jawa-timur'),
    entry('e4', 'kab-solok'),
  ];
  const panelists = [person('p1', ['kab-banyuwangi']), person('p2', ['prov-jawa-timur'])];
  const evaluators = [person('v1', ['univ-a']), person('v2', ['kota-padang']), person('v3', ['univ-b'])];

  it('never sends a visitor to an entry they have a conflict with, and says who was excluded and why', () => {
    const plan = planVisits(entries, panelists, evaluators, {});
    const byEntry = new Map(plan.visits.map((visit) => [visit.entryId, visit]));
    expect(plan.unplanned).toEqual([]);
    // p1 is affiliated with Banyuwangi; p2 with the agency whose innovation e3 replicates.
    expect(byEntry.get('e1')!.panelistId).toBe('p2');
    expect(byEntry.get('e3')!.panelistId).toBe('p1');
    expect(byEntry.get('e2')!.evaluatorId).not.toBe('v2');
    expect(byEntry.get('e1')!.reason).toMatch(/^panelist P2: least-loaded panelist without a conflict \(load \d/);
    expect(byEntry.get('e1')!.reason).toMatch(/excluded P1 \(declared an affiliation with kab-banyuwangi\)/);
    expect(byEntry.get('e3')!.reason).toMatch(/excluded P2 \(the entry replicates an innovation of prov-jawa-timur/);
    expect(byEntry.get('e2')!.reason).toMatch(
      /evaluator V\d: .*excluded V2 \(declared an affiliation with kota-padang\)/,
    );
  });

  it('spreads visits: loads end within one of each other where conflicts allow', () => {
    const plan = planVisits(entries, panelists, evaluators, {});
    expect([plan.loads.p1, plan.loads.p2]).toEqual([2, 2]);
    const evaluatorLoads = ['v1', 'v2', 'v3'].map((id) => plan.loads[id]);
    expect(Math.max(...evaluatorLoads) - Math.min(...evaluatorLoads)).toBeLessThanOrEqual(1);
    expect(evaluatorLoads.reduce((sum, load) => sum + load, 0)).toBe(4);
  });

  it('counts visits people already have, and breaks equal loads by id', () => {
    const plan = planVisits([entry('e9', 'kab-bojonegoro')], panelists, evaluators, { p1: 3, v1: 1, v2: 1 });
    expect(plan.visits).toEqual([
      {
        entryId: 'e9',
        panelistId: 'p2',
        evaluatorId: 'v3',
        reason:
          'panelist P2: least-loaded panelist without a conflict (load 0 before this visit); evaluator V3: least-loaded evaluator without a conflict (load 0 before this visit)',
      },
    ]);
    expect(plan.loads).toMatchObject({ p1: 3, p2: 1, v1: 1, v2: 1, v3: 1 });
    const tie = planVisits([entry('e9', 'kab-bojonegoro')], panelists, evaluators, {});
    expect([tie.visits[0].panelistId, tie.visits[0].evaluatorId]).toEqual(['p1', 'v1']);
  });

  it('honours conflicts the person declared on the entry', () => {
    const declared = [person('p1', [], { declaredConflictEntryIds: ['e2'] }), person('p2', [])];
    const plan = planVisits([entry('e2', 'kota-padang')], declared, evaluators, { p2: 5 });
    expect(plan.visits[0].panelistId).toBe('p2');
    expect(plan.visits[0].reason).toMatch(/excluded P1 \(declared a conflict with this entry\)/);
  });

  it('reports entries nobody may visit, with why, and still plans the others', () => {
    const plan = planVisits(
      [entry('e1', 'kab-banyuwangi'), entry('e2', 'kota-padang')],
      [person('p1', ['kab-banyuwangi'])],
      evaluators,
      {},
    );
    expect(plan.visits.map((visit) => visit.entryId)).toEqual(['e2']);
    expect(plan.unplanned).toEqual([
      {
        entryId: 'e1',
        reason: 'no panelist without a conflict of interest (P1: declared an affiliation with kab-banyuwangi)',
      },
    ]);
    expect(planVisits([entry('e1', 'x')], [], evaluators, {}).unplanned[0].reason).toBe('the cycle has no panelists');
    expect(planVisits([entry('e1', 'x')], panelists, [], {}).unplanned[0].reason).toBe('the cycle has no evaluators');
  });

  it('never makes one person both visitors of an entry', () => {
    const both = person('x1', []);
    const plan = planVisits([entry('e1', 'kab-banyuwangi')], [both], [both, person('v9', [])], { v9: 10 });
    expect(plan.visits[0]).toMatchObject({ panelistId: 'x1', evaluatorId: 'v9' });
    const alone = planVisits([entry('e1', 'kab-banyuwangi')], [both], [both], {});
    expect(alone.unplanned[0].reason).toBe('the only eligible panelist and evaluator are the same person');
  });

  it('gives the same plan whatever the order of its inputs', () => {
    const plan = planVisits(entries, panelists, evaluators, { v3: 1 });
    const reversed = planVisits([...entries].reverse(), [...panelists].reverse(), [...evaluators].reverse(), {
      v3: 1,
    });
    expect(reversed).toEqual(plan);
  });

  it('refuses an entry or a person listed twice', () => {
    expect(() => planVisits([entry('e1', 'a'), entry('e1', 'a')], panelists, evaluators, {})).toThrow(/listed twice/);
    expect(() => planVisits(entries, [...panelists, panelists[0]], evaluators, {})).toThrow(/panelist p1/);
  });
});

describe('visitDays', () => {
  it('gives the local days of the stage in its zone, a midnight close ending the day before', () => {
    // 2024-07-01T17:30Z is already 2 July in WIB; 2024-07-12T17:00Z is midnight of 13 July WIB.
    expect(visitDays(new Date('2024-07-01T17:30:00Z'), new Date('2024-07-12T17:00:00Z'), 'WIB')).toEqual({
      first: '2024-07-02',
      last: '2024-07-12',
    });
    expect(visitDays(new Date('2024-07-01T14:30:00Z'), new Date('2024-07-12T17:00:00Z'), 'WIT')).toEqual({
      first: '2024-07-01',
      last: '2024-07-13',
    });
  });
});
