import {
  assignEvaluators,
  conflictOf,
  pickReplacement,
  type AssignableEntry,
  type AssignableEvaluator,
} from './assignment';
import { seeded, shuffled } from '../seeded-random';

const PROVINCES = ['Aceh', 'Bali', 'Jawa Barat', 'Jawa Timur', 'Papua', 'Riau', 'Sulawesi Selatan', 'Maluku'];

function generated(seed: number, entryCount: number, evaluatorCount: number) {
  const random = seeded(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const agencies = Array.from({ length: 60 }, (_, i) => `AG-${i + 1}`);
  const entries: AssignableEntry[] = Array.from({ length: entryCount }, (_, i) => ({
    id: `entry-${String(i + 1).padStart(4, '0')}`,
    agencyCode: pick(agencies),
    province: pick(PROVINCES),
    replicatesAgencyCode: random() < 0.2 ? pick(agencies) : null,
  }));
  const evaluators: AssignableEvaluator[] = Array.from({ length: evaluatorCount }, (_, i) => ({
    id: `ev-${String(i + 1).padStart(2, '0')}`,
    name: `Evaluator ${i + 1}`,
    affiliations: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(agencies)),
    province: random() < 0.8 ? pick(PROVINCES) : null,
    declaredConflictEntryIds: Array.from({ length: Math.floor(random() * 4) }, () => pick(entries).id),
  }));
  return { entries, evaluators, random };
}

function subsets(items: number[], size: number): number[][] {
  if (size === 0) return [[]];
  return items.flatMap((first, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [first, ...rest]));
}

const spread = (loads: Record<string, number>) => Math.max(...Object.values(loads)) - Math.min(...Object.values(loads));

const ev = (id: string, affiliations: string[], extra: Partial<AssignableEvaluator> = {}): AssignableEvaluator => ({
  id,
  affiliations,
  ...extra,
});

describe('conflictOf', () => {
  const entry: AssignableEntry = { id: 'e1', agencyCode: 'KAB-BDG', province: 'Jawa Barat' };
  const rules = { sameProvince: true };

  it('names each kind of conflict', () => {
    expect(conflictOf(entry, ev('a', ['KAB-BDG']), rules)).toBe('declared an affiliation with KAB-BDG');
    expect(conflictOf(entry, ev('a', [], { province: 'Jawa Barat' }), rules)).toBe('same province (Jawa Barat)');
    expect(conflictOf({ ...entry, replicatesAgencyCode: 'KOTA-SBY' }, ev('a', ['KOTA-SBY']), rules)).toBe(
      'the entry replicates an innovation of KOTA-SBY, a declared affiliation',
    );
    expect(conflictOf(entry, ev('a', [], { declaredConflictEntryIds: ['e1'] }), rules)).toBe(
      'declared a conflict with this entry',
    );
  });

  it('finds none where there is none, and a province only when the rule asks', () => {
    expect(
      conflictOf(entry, ev('a', ['KOTA-SBY'], { province: 'Bali', declaredConflictEntryIds: ['e2'] }), rules),
    ).toBe(null);
    expect(conflictOf(entry, ev('a', [], { province: 'Jawa Barat' }), { sameProvince: false })).toBe(null);
    expect(conflictOf(entry, ev('a', [], { province: null }), rules)).toBe(null);
  });
});

describe('assignEvaluators', () => {
  const rules = { sameProvince: true };

  describe('500 entries, 12 evaluators with declared conflicts', () => {
    const { entries, evaluators, random } = generated(20240611, 500, 12);
    const plan = assignEvaluators(entries, evaluators, 2, rules);
    const byId = new Map(evaluators.map((e) => [e.id, e]));

    it('gives every entry two distinct evaluators', () => {
      expect(plan.unplaced).toEqual([]);
      const perEntry = new Map<string, string[]>();
      for (const a of plan.assignments) perEntry.set(a.entryId, [...(perEntry.get(a.entryId) ?? []), a.evaluatorId]);
      expect(perEntry.size).toBe(500);
      for (const ids of perEntry.values()) expect(new Set(ids).size).toBe(2);
    });

    it('assigns no one with a conflict of interest', () => {
      const entryById = new Map(entries.map((e) => [e.id, e]));
      const conflicted = plan.assignments.filter(
        (a) => conflictOf(entryById.get(a.entryId)!, byId.get(a.evaluatorId)!, rules) !== null,
      );
      expect(conflicted).toEqual([]);
      // The generated data does have conflicts for the pass to avoid.
      expect(plan.assignments.some((a) => a.reason.includes('excluded:'))).toBe(true);
    });

    it('keeps loads within one of each other, and reports them truthfully', () => {
      expect(spread(plan.loads)).toBeLessThanOrEqual(1);
      const counted: Record<string, number> = Object.fromEntries(evaluators.map((e) => [e.id, 0]));
      for (const a of plan.assignments) counted[a.evaluatorId]++;
      expect(plan.loads).toEqual(counted);
    });

    it('gives the same plan on a second run and for the same inputs in another order', () => {
      expect(assignEvaluators(entries, evaluators, 2, rules)).toEqual(plan);
      const reordered = evaluators.map((e) => ({ ...e, affiliations: shuffled(e.affiliations, random) }));
      expect(assignEvaluators(shuffled(entries, random), shuffled(reordered, random), 2, rules)).toEqual(plan);
    });
  });

  it('says why each evaluator was chosen and who was left out, at most five by name', () => {
    const entry = { id: 'e1', agencyCode: 'KAB-BDG', province: 'Jawa Barat' };
    const conflicted = ['Budi', 'Sari', 'Tono', 'Wati', 'Yudi', 'Zaki', 'Ayu'].map((name) =>
      ev(`x-${name}`, ['KAB-BDG'], { name }),
    );
    const plan = assignEvaluators([entry], [ev('free', []), ...conflicted], 1, rules);
    expect(plan.assignments).toEqual([
      {
        entryId: 'e1',
        evaluatorId: 'free',
        reason:
          'least-loaded evaluator without a conflict (load 0 before this entry); excluded: Ayu (declared an ' +
          'affiliation with KAB-BDG), Budi (declared an affiliation with KAB-BDG), Sari (declared an affiliation ' +
          'with KAB-BDG), Tono (declared an affiliation with KAB-BDG), Wati (declared an affiliation with KAB-BDG) ' +
          'and 2 more',
      },
    ]);
  });

  it('places as many as it can and reports the shortfall when conflicts leave too few', () => {
    const entries = [
      { id: 'e1', agencyCode: 'AG-1', province: 'Bali' },
      { id: 'e2', agencyCode: 'AG-2', province: 'Bali' },
    ];
    const evaluators = [ev('E1', []), ev('E2', ['AG-1'], { name: 'Dewi' }), ev('E5', ['AG-1'])];
    const plan = assignEvaluators(entries, evaluators, 2, rules);
    expect(plan.assignments.filter((a) => a.entryId === 'e1').map((a) => a.evaluatorId)).toEqual(['E1']);
    expect(plan.assignments.filter((a) => a.entryId === 'e2')).toHaveLength(2);
    expect(plan.unplaced).toEqual([
      {
        entryId: 'e1',
        missing: 1,
        reason:
          'only 1 evaluator without a conflict of interest, 2 needed; Dewi and E5: declared an affiliation with AG-1',
      },
    ]);
  });

  it('reports a pool smaller than the evaluators needed per entry', () => {
    const plan = assignEvaluators([{ id: 'e1', agencyCode: 'AG-1', province: 'Bali' }], [ev('E1', [])], 3, rules);
    expect(plan.unplaced).toEqual([{ entryId: 'e1', missing: 2, reason: 'only 1 evaluator in the pool, 3 needed' }]);
  });

  it('evens out loads through a chain of moves when no direct move exists', () => {
    // A may score only the AB entries and C only the BC ones; the greedy pass leaves A on 3 and C on 1, and
    // only "A hands an AB entry to B, B hands a BC entry to C" evens them out.
    const entries = [
      ...[0, 1].map((i) => ({ id: `a0-${i}`, agencyCode: 'BC', province: 'P' })),
      ...[0, 1, 2, 3].map((i) => ({ id: `b0-${i}`, agencyCode: 'AB', province: 'P' })),
    ];
    const plan = assignEvaluators(entries, [ev('A', ['BC']), ev('B', []), ev('C', ['AB'])], 1, rules);
    expect(plan.loads).toEqual({ A: 2, B: 2, C: 2 });
    expect(plan.assignments.filter((a) => a.reason.startsWith('moved from'))).toEqual([
      expect.objectContaining({ entryId: 'a0-1', evaluatorId: 'C', reason: expect.stringContaining('moved from B') }),
      expect.objectContaining({ entryId: 'b0-0', evaluatorId: 'B', reason: expect.stringContaining('moved from A') }),
    ]);
  });

  it('ends as even as the conflicts allow, as an exhaustive search of small competitions confirms', () => {
    const random = seeded(91);
    /** Every way to give each entry `perEntry` of the evaluators it may have (all of them when fewer). */
    function bestSpread(eligible: number[][], evaluatorCount: number, perEntry: number): number {
      const choices = eligible.map((ids) => subsets(ids, Math.min(perEntry, ids.length)));
      let best = Infinity;
      const loads = new Array<number>(evaluatorCount).fill(0);
      const walk = (entry: number) => {
        if (entry === choices.length) {
          best = Math.min(best, Math.max(...loads) - Math.min(...loads));
          return;
        }
        for (const choice of choices[entry]) {
          for (const i of choice) loads[i]++;
          walk(entry + 1);
          for (const i of choice) loads[i]--;
        }
      };
      walk(0);
      return best;
    }
    for (let trial = 0; trial < 150; trial++) {
      const evaluatorCount = 3 + Math.floor(random() * 2);
      const entries = Array.from({ length: 4 + Math.floor(random() * 3) }, (_, i) => ({
        id: `e${i}`,
        agencyCode: `AG-${i}`,
        province: 'Bali',
      }));
      const evaluators = Array.from({ length: evaluatorCount }, (_, i) =>
        ev(
          `v${i}`,
          entries.filter(() => random() < 0.35).map((e) => e.agencyCode),
        ),
      );
      const eligible = entries.map((entry) =>
        evaluators.flatMap((evaluator, i) => (conflictOf(entry, evaluator, rules) === null ? [i] : [])),
      );
      const plan = assignEvaluators(entries, evaluators, 2, rules);
      expect(spread(plan.loads)).toBe(bestSpread(eligible, evaluatorCount, 2));
    }
  });

  it('balances the others when one evaluator may score nothing', () => {
    const { entries, evaluators } = generated(7, 200, 6);
    const everywhere = ev('ev-99', [...new Set(entries.map((e) => e.agencyCode))]);
    const plan = assignEvaluators(entries, [...evaluators, everywhere], 2, { sameProvince: false });
    expect(plan.loads['ev-99']).toBe(0);
    const others = Object.fromEntries(Object.entries(plan.loads).filter(([id]) => id !== 'ev-99'));
    expect(spread(others)).toBeLessThanOrEqual(1);
  });

  it('refuses a count of evaluators per entry that is not a positive whole number', () => {
    expect(() => assignEvaluators([], [], 0, rules)).toThrow('perEntry');
    expect(() => assignEvaluators([], [], 1.5, rules)).toThrow('perEntry');
  });
});

describe('pickReplacement', () => {
  const entry = { id: 'e1', agencyCode: 'AG-1', province: 'Bali' };
  const evaluators = [ev('E1', []), ev('E2', ['AG-1'], { name: 'Dewi' }), ev('E3', []), ev('E4', [])];
  const rules = { sameProvince: false };

  it('picks the least-loaded evaluator without a conflict who is not excluded', () => {
    const loads = { E1: 3, E2: 0, E3: 5, E4: 4 };
    expect(pickReplacement(entry, evaluators, rules, loads, ['E1'])).toEqual({
      evaluatorId: 'E4',
      reason:
        'least-loaded evaluator without a conflict (load 4 before this entry); excluded: Dewi (declared an affiliation with AG-1)',
    });
  });

  it('breaks equal loads the same way whatever the order of the pool', () => {
    const loads = { E1: 2, E3: 2, E4: 2 };
    const first = pickReplacement(entry, evaluators, rules, loads, []);
    expect(pickReplacement(entry, [...evaluators].reverse(), rules, loads, [])).toEqual(first);
  });

  it('spreads equal loads over the pool rather than always naming the same evaluator', () => {
    const loads = { E1: 2, E3: 2, E4: 2 };
    const picks = Array.from({ length: 30 }, (_, i) => {
      return pickReplacement({ ...entry, id: `e${i}` }, evaluators, rules, loads, [])!.evaluatorId;
    });
    expect(new Set(picks)).toEqual(new Set(['E1', 'E3', 'E4']));
  });

  it('finds no one when everyone is excluded or conflicted', () => {
    expect(pickReplacement(entry, evaluators, rules, {}, ['E1', 'E3', 'E4'])).toBe(null);
  });
});
