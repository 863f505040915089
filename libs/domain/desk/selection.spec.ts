import {
  parseTieBreaks,
  rankCandidates,
  selectNominees,
  TIE_BREAKS,
  type SelectionCandidate,
  type SelectionOutcome,
  type SelectionRules,
} from './selection';
import { seeded } from '../seeded-random';

const candidate = (entryId: string, score: number, extra: Partial<SelectionCandidate> = {}): SelectionCandidate => ({
  entryId,
  cluster: 'kabupaten',
  group: 'replikasi',
  region3T: false,
  score,
  launchDate: '2020-01-01',
  registeredAt: '2024-05-01T03:00:00Z',
  replicationCount: 0,
  ...extra,
});

const ids = (candidates: { entryId: string }[]) => candidates.map((c) => c.entryId);
const selectedIds = (outcomes: SelectionOutcome[]) => ids(outcomes.filter((o) => o.selected));
const outcomeOf = (outcomes: SelectionOutcome[], entryId: string) => outcomes.find((o) => o.entryId === entryId)!;

describe('parseTieBreaks', () => {
  it('reads a comma-separated list in order, ignoring spaces and repeats', () => {
    expect(parseTieBreaks('older-launch-first, replicated-first,older-launch-first')).toEqual([
      'older-launch-first',
      'replicated-first',
    ]);
    expect(parseTieBreaks(' ')).toEqual([]);
  });

  it('names an unknown key and the known ones', () => {
    expect(() => parseTieBreaks('replicated-first, newest-first')).toThrow(
      'unknown tie-break "newest-first"; known: replicated-first, older-launch-first, earlier-registration-first',
    );
  });
});

describe('rankCandidates', () => {
  const tied = [
    candidate('c', 85, { replicationCount: 1, launchDate: '2019-03-01', registeredAt: '2024-05-02T00:00:00Z' }),
    candidate('a', 85, { replicationCount: 0, launchDate: '2018-07-01', registeredAt: '2024-05-03T00:00:00Z' }),
    candidate('b', 85, { replicationCount: 2, launchDate: '2021-01-10', registeredAt: '2024-05-01T00:00:00Z' }),
    candidate('top', 90),
  ];

  it('puts the highest score first and, without tie-breaks, ties in entry id order', () => {
    expect(ids(rankCandidates(tied, []))).toEqual(['top', 'a', 'b', 'c']);
  });

  it('applies each tie-break', () => {
    expect(ids(rankCandidates(tied, ['replicated-first']))).toEqual(['top', 'b', 'c', 'a']);
    expect(ids(rankCandidates(tied, ['older-launch-first']))).toEqual(['top', 'a', 'c', 'b']);
    expect(ids(rankCandidates(tied, ['earlier-registration-first']))).toEqual(['top', 'b', 'c', 'a']);
  });

  it('applies the tie-breaks in the template order, the next only when the earlier ones tie', () => {
    const pair = [
      candidate('x', 70, { replicationCount: 1, launchDate: '2015-01-01' }),
      candidate('y', 70, { replicationCount: 1, launchDate: '2014-01-01' }),
      candidate('z', 70, { replicationCount: 3, launchDate: '2022-01-01' }),
    ];
    expect(ids(rankCandidates(pair, ['replicated-first', 'older-launch-first']))).toEqual(['z', 'y', 'x']);
    expect(ids(rankCandidates(pair, ['older-launch-first', 'replicated-first']))).toEqual(['y', 'x', 'z']);
  });

  it('compares registration instants, not their text', () => {
    const pair = [
      candidate('wib', 70, { registeredAt: '2024-05-01T09:00:00+07:00' }), // 02:00Z
      candidate('utc', 70, { registeredAt: '2024-05-01T03:00:00Z' }),
    ];
    expect(ids(rankCandidates(pair, ['earlier-registration-first']))).toEqual(['wib', 'utc']);
  });

  it('gives the same order whatever the input order', () => {
    const expected = ids(rankCandidates(tied, [...TIE_BREAKS]));
    expect(ids(rankCandidates([...tied].reverse(), [...TIE_BREAKS]))).toEqual(expected);
  });

  it('refuses a candidate listed twice or with a date that is not one', () => {
    expect(() => rankCandidates([candidate('a', 1), candidate('a', 2)], [])).toThrow('entry a is a candidate twice');
    expect(() => rankCandidates([candidate('a', 1, { launchDate: '1 May 2020' })], [])).toThrow('launch date');
    expect(() => rankCandidates([candidate('a', 1, { registeredAt: 'yesterday' })], [])).toThrow('registration');
    expect(() => rankCandidates([candidate('a', NaN)], [])).toThrow('entry a: score NaN');
  });
});

describe('selectNominees', () => {
  it('selects by rank within the passing grade and the quotas, and explains each outcome', () => {
    const candidates = [
      candidate('k1', 92),
      candidate('k2', 88),
      candidate('k3', 87.5),
      candidate('k4', 86, { group: 'pembina' }),
      candidate('k5', 80.1),
      candidate('t1', 90, { cluster: 'kota' }),
    ];
    const rules: SelectionRules = { passingGrade: 85, quotaPerCluster: 3, quotaPerGroup: 40, tieBreaks: [] };
    const outcomes = selectNominees(candidates, rules);
    expect(outcomes.map((o) => [o.entryId, o.overallRank, o.rankInCell, o.selected])).toEqual([
      ['k1', 1, 1, true],
      ['t1', 2, 1, true],
      ['k2', 3, 2, true],
      ['k3', 4, 3, true],
      ['k4', 5, 1, false],
      ['k5', 6, 4, false],
    ]);
    expect(outcomeOf(outcomes, 'k3').explanation).toBe(
      'Selected: rank 3 of 4 in kabupaten/replikasi with 87.5 (passing grade 85); kabupaten fills 3 of 3 places, replikasi 4 of 40.',
    );
    expect(outcomeOf(outcomes, 'k4').explanation).toBe(
      'Not selected: the kabupaten quota (3) was filled by higher-ranked entries.',
    );
    expect(outcomeOf(outcomes, 'k5').explanation).toBe('Not selected: score 80.1 is below the passing grade 85.');
  });

  it('applies the group quota across clusters, and both quotas together', () => {
    const candidates = [
      candidate('a', 90, { cluster: 'kota' }),
      candidate('b', 89, { cluster: 'provinsi' }),
      candidate('c', 88, { cluster: 'kota' }),
      candidate('d', 87, { cluster: 'kota', group: 'pembina' }),
    ];
    const outcomes = selectNominees(candidates, { quotaPerCluster: 2, quotaPerGroup: 2, tieBreaks: [] });
    expect(selectedIds(outcomes)).toEqual(['a', 'b', 'd']);
    expect(outcomeOf(outcomes, 'c').explanation).toBe(
      'Not selected: the replikasi quota (2) was filled by higher-ranked entries.',
    );
    expect(outcomeOf(outcomes, 'd').selected).toBe(true);
    expect(outcomeOf(outcomes, 'd').explanation).toBe(
      'Selected: rank 1 of 1 in kota/pembina with 87; kota fills 2 of 2 places, pembina 1 of 2.',
    );
    const both = selectNominees([...candidates, candidate('e', 86, { cluster: 'kota' })], {
      quotaPerCluster: 2,
      quotaPerGroup: 2,
      tieBreaks: [],
    });
    expect(outcomeOf(both, 'e').explanation).toBe(
      'Not selected: the kota quota (2) and the replikasi quota (2) were filled by higher-ranked entries.',
    );
  });

  it('says which tie-break placed an entry tied with its neighbour', () => {
    const candidates = [
      candidate('a', 85, { launchDate: '2019-03-01' }),
      candidate('b', 85, { launchDate: '2020-01-01' }),
      candidate('c', 85, { launchDate: '2020-01-01' }),
      candidate('d', 80),
    ];
    const outcomes = selectNominees(candidates, { quotaPerCluster: 1, tieBreaks: ['older-launch-first'] });
    expect(outcomeOf(outcomes, 'a').explanation).toBe(
      'Selected: rank 1 of 4 in kabupaten/replikasi with 85; kabupaten fills 1 of 1 places, replikasi 1. ' +
        'Tied at 85 with b; placed ahead by older launch date (2019-03-01 against 2020-01-01).',
    );
    expect(outcomeOf(outcomes, 'b').explanation).toBe(
      'Not selected: the kabupaten quota (1) was filled by higher-ranked entries. Tied at 85 with a and c; ' +
        'placed behind a by older launch date (2019-03-01 against 2020-01-01), ahead of c by entry id, the last tie-break.',
    );
    expect(outcomeOf(outcomes, 'd').explanation).not.toContain('Tied');
  });

  it('names each tie-break in its explanation', () => {
    const pair = [
      candidate('x', 70, { replicationCount: 3, registeredAt: '2024-05-02T00:00:00Z' }),
      candidate('y', 70, { replicationCount: 1, registeredAt: '2024-05-01T00:00:00Z' }),
    ];
    const explain = (rules: SelectionRules, entryId: string) =>
      outcomeOf(selectNominees(pair, rules), entryId).explanation;
    expect(explain({ tieBreaks: ['replicated-first'] }, 'x')).toContain(
      'placed ahead by more replications (3 against 1)',
    );
    expect(explain({ tieBreaks: ['earlier-registration-first'] }, 'x')).toContain(
      'placed behind by earlier registration (2024-05-01T00:00:00Z against 2024-05-02T00:00:00Z)',
    );
  });

  it('shows excluded entries with their reason and leaves them out of the count', () => {
    const outcomes = selectNominees(
      [candidate('a', 90), candidate('b', 80)],
      { quotaPerCluster: 1, tieBreaks: [] },
      new Map([['a', 'objection upheld: the innovation started in 2023.']]),
    );
    expect(outcomeOf(outcomes, 'a')).toMatchObject({
      selected: false,
      overallRank: 1,
      rankInCell: 1,
      explanation: 'Excluded: objection upheld: the innovation started in 2023.',
    });
    expect(outcomeOf(outcomes, 'b').selected).toBe(true);
  });

  it('brings in the next in rank when an objection against a nominee is upheld and selection is re-run', () => {
    const candidates = [
      candidate('k1', 91),
      candidate('k2', 89),
      candidate('k3', 88),
      candidate('k4', 87),
      candidate('p1', 95, { cluster: 'provinsi' }),
      candidate('p2', 84, { cluster: 'provinsi' }),
    ];
    const rules: SelectionRules = { passingGrade: 85, quotaPerCluster: 2, tieBreaks: [] };
    const before = selectNominees(candidates, rules);
    expect(selectedIds(before)).toEqual(['p1', 'k1', 'k2']);

    const after = selectNominees(candidates, rules, new Map([['k2', 'objection upheld']]));
    expect(selectedIds(after)).toEqual(['p1', 'k1', 'k3']);
    expect(outcomeOf(after, 'k2').explanation).toBe('Excluded: objection upheld.');
    expect(outcomeOf(after, 'k3').explanation).toMatch(/^Selected: rank 3 of 4 in kabupaten\/replikasi with 88/);
    // Nothing else moves: ranks stay, and k4 is still out for the quota.
    expect(after.map((o) => [o.entryId, o.overallRank, o.rankInCell])).toEqual(
      before.map((o) => [o.entryId, o.overallRank, o.rankInCell]),
    );
    expect(outcomeOf(after, 'k4').explanation).toBe(
      'Not selected: the kabupaten quota (2) was filled by higher-ranked entries.',
    );
  });

  describe('minimum 3T share', () => {
    const rules: SelectionRules = { quotaPerCluster: 3, min3TSharePercent: 40, tieBreaks: [] };

    it('swaps the best waiting 3T entry in for the lowest non-3T nominee', () => {
      const candidates = [
        candidate('k1', 95),
        candidate('k2', 90),
        candidate('k3', 85),
        candidate('t1', 80, { region3T: true }),
        candidate('t2', 78, { region3T: true }),
        candidate('t3', 60, { region3T: true }),
      ];
      // 3 nominees: 40% needs 2 from 3T.
      const outcomes = selectNominees(candidates, rules);
      expect(selectedIds(outcomes)).toEqual(['k1', 't1', 't2']);
      expect(outcomes.filter((o) => o.via3TShare).map((o) => o.entryId)).toEqual(['t1', 't2']);
      expect(outcomeOf(outcomes, 'k3').explanation).toBe(
        'Not selected: displaced by t1 to reach the minimum 3T share of 40%.',
      );
      expect(outcomeOf(outcomes, 'k2').explanation).toBe(
        'Not selected: displaced by t2 to reach the minimum 3T share of 40%.',
      );
      expect(outcomeOf(outcomes, 't1').explanation).toBe(
        'Selected for the minimum 3T share of 40% in place of k3: rank 4 of 6 in kabupaten/replikasi with 80; ' +
          'kabupaten fills 3 of 3 places, replikasi 3.',
      );
      expect(outcomeOf(outcomes, 't3').selected).toBe(false);
    });

    it('leaves the share alone when it is already met', () => {
      const candidates = [candidate('t1', 95, { region3T: true }), candidate('k1', 90), candidate('k2', 85)];
      const outcomes = selectNominees(candidates, { min3TSharePercent: 30, tieBreaks: [] });
      expect(selectedIds(outcomes)).toEqual(['t1', 'k1', 'k2']);
      expect(outcomes.some((o) => o.via3TShare)).toBe(false);
    });

    it('swaps across clusters only where the quotas allow, and says so where they do not', () => {
      const candidates = [
        candidate('k1', 95),
        candidate('k2', 90),
        candidate('p1', 93, { cluster: 'provinsi' }),
        candidate('p2', 92, { cluster: 'provinsi' }),
        candidate('pt', 70, { cluster: 'provinsi', region3T: true }),
        candidate('below', 40, { region3T: true }),
      ];
      const outcomes = selectNominees(candidates, {
        passingGrade: 50,
        quotaPerCluster: 2,
        min3TSharePercent: 50,
        tieBreaks: [],
      });
      // 4 nominees need 2 from 3T; only pt passes, and only in place of a provinsi nominee.
      expect(selectedIds(outcomes)).toEqual(['k1', 'p1', 'k2', 'pt']);
      expect(outcomeOf(outcomes, 'p2').explanation).toBe(
        'Not selected: displaced by pt to reach the minimum 3T share of 50%.',
      );
      expect(outcomeOf(outcomes, 'below').explanation).toBe('Not selected: score 40 is below the passing grade 50.');
    });

    it('says so when a swap across clusters frees a place that is not refilled', () => {
      const candidates = [
        candidate('k1', 95),
        candidate('k2', 90),
        candidate('t1', 80, { cluster: 'kota', region3T: true }),
      ];
      const outcomes = selectNominees(candidates, {
        quotaPerCluster: 1,
        quotaPerGroup: 1,
        min3TSharePercent: 100,
        tieBreaks: [],
      });
      expect(selectedIds(outcomes)).toEqual(['t1']);
      expect(outcomeOf(outcomes, 'k2').explanation).toBe(
        'Not selected: the kabupaten quota (1) and the replikasi quota (1) were filled by higher-ranked entries. ' +
          'A place freed later by a 3T swap is not refilled.',
      );
    });

    it('notes on a waiting 3T entry that no swap within the quotas could bring it in', () => {
      const candidates = [
        candidate('k1', 95),
        candidate('k2', 90),
        candidate('kt', 70, { region3T: true, group: 'pembina' }),
      ];
      const outcomes = selectNominees(candidates, {
        quotaPerCluster: 2,
        quotaPerGroup: 2,
        min3TSharePercent: 50,
        tieBreaks: [],
      });
      // kt may replace k2 (same cluster, pembina has room): share reached.
      expect(selectedIds(outcomes)).toEqual(['k1', 'kt']);

      const full = selectNominees(
        [
          candidate('k1', 95),
          candidate('k2', 94),
          candidate('p1', 93, { cluster: 'provinsi', group: 'pembina' }),
          candidate('p2', 92, { cluster: 'provinsi', group: 'pembina' }),
          candidate('pt', 70, { cluster: 'provinsi', group: 'replikasi', region3T: true }),
        ],
        { quotaPerCluster: 2, quotaPerGroup: 2, min3TSharePercent: 25, tieBreaks: [] },
      );
      // pt needs a provinsi place (so replaces p1 or p2) and a replikasi place (so replaces k1 or k2): never both.
      expect(selectedIds(full)).toEqual(['k1', 'k2', 'p1', 'p2']);
      expect(outcomeOf(full, 'pt').explanation).toBe(
        'Not selected: the provinsi quota (2) and the replikasi quota (2) were filled by higher-ranked entries. ' +
          'No swap within the quotas could bring this 3T entry in; the 3T share stays at 0 of the 1 required.',
      );
    });
  });

  describe('a generated cycle', () => {
    const CLUSTERS = ['kementerian', 'lembaga', 'provinsi', 'kabupaten', 'kota', 'bumn', 'bumd'];
    const GROUPS = ['pembina', 'keberlanjutan', 'replikasi'];
    const random = seeded(2025);
    const candidates: SelectionCandidate[] = Array.from({ length: 1200 }, (_, i) => ({
      entryId: `entry-${String(i).padStart(4, '0')}`,
      cluster: CLUSTERS[Math.floor(random() * CLUSTERS.length)],
      group: GROUPS[Math.floor(random() * GROUPS.length)],
      region3T: random() < 0.15,
      // Whole and half points, so ties are common.
      score: Math.round(40 + random() * 120) / 2,
      launchDate: `20${10 + Math.floor(random() * 12)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      registeredAt: new Date(Date.UTC(2024, 4, 1) + Math.floor(random() * 40 * 86_400_000)).toISOString(),
      replicationCount: Math.floor(random() * 4),
    }));
    const rules: SelectionRules = {
      passingGrade: 60,
      quotaPerCluster: 15,
      quotaPerGroup: 30,
      min3TSharePercent: 20,
      tieBreaks: [...TIE_BREAKS],
    };
    const outcomes = selectNominees(candidates, rules);
    const nominees = outcomes.filter((o) => o.selected);

    it('lists every candidate once, in overall rank order', () => {
      expect(outcomes).toHaveLength(candidates.length);
      expect(outcomes.map((o) => o.overallRank)).toEqual(candidates.map((_, i) => i + 1));
      expect(new Set(ids(outcomes)).size).toBe(candidates.length);
    });

    it('keeps both quotas and the passing grade', () => {
      const count = (key: (o: SelectionOutcome) => string) =>
        nominees.reduce((m, o) => m.set(key(o), (m.get(key(o)) ?? 0) + 1), new Map<string, number>());
      expect(Math.max(...count((o) => o.cluster).values())).toBeLessThanOrEqual(15);
      expect(Math.max(...count((o) => o.group).values())).toBeLessThanOrEqual(30);
      expect(nominees.every((o) => o.score >= 60)).toBe(true);
      expect(nominees.length).toBe(90);
    });

    it('reaches the minimum 3T share, with some nominees brought in for it', () => {
      const region3T = new Set(candidates.filter((c) => c.region3T).map((c) => c.entryId));
      const share = nominees.filter((o) => region3T.has(o.entryId)).length;
      expect(share).toBeGreaterThanOrEqual(Math.ceil(0.2 * nominees.length));
      expect(nominees.some((o) => o.via3TShare)).toBe(true);
      expect(outcomes.filter((o) => o.explanation.startsWith('Not selected: displaced by'))).toHaveLength(
        nominees.filter((o) => o.via3TShare).length,
      );
    });

    it('ranks within each cell from 1 without gaps', () => {
      const cells = new Map<string, number[]>();
      for (const o of outcomes)
        cells.set(`${o.cluster}/${o.group}`, [...(cells.get(`${o.cluster}/${o.group}`) ?? []), o.rankInCell]);
      for (const ranks of cells.values()) expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    });

    it('gives the same outcome for the candidates in another order', () => {
      const reversed = [...candidates].reverse();
      expect(selectNominees(reversed, rules)).toEqual(outcomes);
    });
  });
});
