import { rankFinalists, type FinalistScores, type FinalRanking } from './ranking';

const WEIGHTS = { desk: 40, interview: 60, fieldVerification: 0 };

const finalist = (
  entryId: string,
  desk: number | null,
  interview: number | null,
  extra: Partial<FinalistScores> = {},
): FinalistScores => ({
  entryId,
  title: `Inovasi ${entryId}`,
  agencyCode: `agency-${entryId}`,
  agencyName: `Instansi ${entryId}`,
  cluster: 'kabupaten',
  group: 'replikasi',
  desk,
  interview,
  fieldVerification: null,
  registeredAt: '2024-05-02T03:00:00Z',
  launchDate: '2020-01-01',
  ...extra,
});

const order = (ranking: FinalRanking, groupIndex = 0) =>
  ranking.groups[groupIndex].entries.map((e) => [e.entryId, e.rank, e.final, e.proposed]);
const entry = (ranking: FinalRanking, entryId: string) =>
  ranking.groups.flatMap((g) => g.entries).find((e) => e.entryId === entryId)!;

describe('rankFinalists', () => {
  it('ranks each cluster and group apart, in cluster then group order, and proposes the top N', () => {
    const ranking = rankFinalists(
      [
        finalist('kota-1', 90, 90, { cluster: 'kota' }),
        finalist('kab-rep-1', 80, 70),
        finalist('kab-rep-2', 85, 90),
        finalist('kab-rep-3', 70, 75),
        finalist('kab-kel-1', 75, 80, { group: 'keberlanjutan' }),
      ],
      WEIGHTS,
      2,
    );
    expect(ranking.groups.map((g) => `${g.cluster}/${g.group}`)).toEqual([
      'kabupaten/keberlanjutan',
      'kabupaten/replikasi',
      'kota/replikasi',
    ]);
    expect(order(ranking, 1)).toEqual([
      ['kab-rep-2', 1, 88, true],
      ['kab-rep-1', 2, 74, true],
      ['kab-rep-3', 3, 73, false],
    ]);
    expect(entry(ranking, 'kab-rep-2').weighted).toEqual({ desk: 34, interview: 54, fieldVerification: 0 });
    expect(ranking.topN).toBe(2);
  });

  it('lists an entry without an interview score after the ranked ones, unranked, with the reason', () => {
    const ranking = rankFinalists([finalist('a', 95, null), finalist('b', 60, 60), finalist('c', 70, 70)], WEIGHTS, 1);
    expect(order(ranking)).toEqual([
      ['c', 1, 70, true],
      ['b', 2, 60, false],
      ['a', null, null, false],
    ]);
    expect(entry(ranking, 'a')).toMatchObject({
      missing: ['interview'],
      unrankedReason: 'Tidak diperingkat karena nilai wawancara belum ada, sehingga nilai akhir tidak dapat dihitung.',
    });
    expect(entry(ranking, 'c').unrankedReason).toBeNull();
  });

  it('breaks a tie on the final score by the higher interview score first, and says so on both entries', () => {
    // 90 × 40% + 80 × 60% = 84 = 84 × 40% + 84 × 60%.
    const ranking = rankFinalists([finalist('a', 90, 80), finalist('b', 84, 84)], WEIGHTS, 1);
    expect(order(ranking)).toEqual([
      ['b', 1, 84, true],
      ['a', 2, 84, false],
    ]);
    expect(entry(ranking, 'b').ties).toEqual([
      {
        withEntryId: 'a',
        placed: 'above',
        rule: 'interview',
        reason:
          'Nilai akhir sama dengan a (84,00); ditempatkan di atasnya karena nilai wawancara lebih tinggi (84,00 dibanding 80,00).',
      },
    ]);
    expect(entry(ranking, 'a').ties).toEqual([
      {
        withEntryId: 'b',
        placed: 'below',
        rule: 'interview',
        reason:
          'Nilai akhir sama dengan b (84,00); ditempatkan di bawahnya karena nilai wawancara lebih rendah (80,00 dibanding 84,00).',
      },
    ]);
  });

  it('ties on the published final score: a desk score higher in the third decimal then decides', () => {
    // 80.001 × 40% + 80 × 60% = 80.0004, published as 80.00 like the other's.
    const ranking = rankFinalists([finalist('a', 80, 80), finalist('b', 80.001, 80)], WEIGHTS, 1);
    expect(order(ranking)).toEqual([
      ['b', 1, 80, true],
      ['a', 2, 80, false],
    ]);
    expect(entry(ranking, 'b').ties[0]).toMatchObject({ rule: 'desk', placed: 'above' });
    expect(entry(ranking, 'b').ties[0].reason).toBe(
      'Nilai akhir sama dengan a (80,00); ditempatkan di atasnya karena nilai desk lebih tinggi (80,00 dibanding 80,00).',
    );
  });

  it('then the older launch date, the earlier registration and the entry id, each named', () => {
    const same = (id: string, extra: Partial<FinalistScores>) => finalist(id, 80, 80, extra);
    const ranking = rankFinalists(
      [
        same('e', { launchDate: '2015-06-01', registeredAt: '2024-05-02T03:00:07Z' }),
        same('d', { launchDate: '2015-06-01', registeredAt: '2024-05-02T03:00:07Z' }),
        same('c', { launchDate: '2015-06-01', registeredAt: '2024-05-02T03:00:05Z' }),
        same('b', { launchDate: '2011-03-01', registeredAt: '2024-05-09T00:00:00Z' }),
      ],
      WEIGHTS,
      3,
    );
    expect(order(ranking).map((row) => row[0])).toEqual(['b', 'c', 'd', 'e']);
    expect(entry(ranking, 'c').ties.map((t) => [t.withEntryId, t.placed, t.rule, t.reason])).toEqual([
      [
        'b',
        'below',
        'launch-date',
        'Nilai akhir sama dengan b (80,00); ditempatkan di bawahnya karena inovasinya diluncurkan lebih kemudian (1 Juni 2015 dibanding 1 Maret 2011).',
      ],
      [
        'd',
        'above',
        'registration',
        'Nilai akhir sama dengan d (80,00); ditempatkan di atasnya karena didaftarkan lebih awal (Kamis, 2 Mei 2024 pukul 10.00.05 WIB dibanding Kamis, 2 Mei 2024 pukul 10.00.07 WIB).',
      ],
    ]);
    expect(entry(ranking, 'e').ties).toEqual([
      {
        withEntryId: 'd',
        placed: 'below',
        rule: 'entry-id',
        reason:
          'Nilai akhir sama dengan d (80,00); ditempatkan di bawahnya karena nomor entrinya lebih kemudian dalam urutan, pemecah seri terakhir (e dibanding d).',
      },
    ]);
  });

  it('compares registration instants, not their text, and a score beats no score in a tie-break', () => {
    const ranking = rankFinalists(
      [
        finalist('utc', 80, 80, { registeredAt: '2024-05-01T03:00:00Z' }),
        finalist('wib', 80, 80, { registeredAt: '2024-05-01T09:00:00+07:00' }), // 02:00Z
      ],
      WEIGHTS,
      1,
    );
    expect(order(ranking).map((row) => row[0])).toEqual(['wib', 'utc']);
    const noInterviewWeight = rankFinalists(
      [finalist('x', 80, null), finalist('y', 80, 10)],
      { desk: 100, interview: 0, fieldVerification: 0 },
      1,
    );
    expect(order(noInterviewWeight).map((row) => row[0])).toEqual(['y', 'x']);
  });

  it('gives the same ranking whatever the input order', () => {
    const entries = [
      finalist('a', 90, 80, { cluster: 'kota' }),
      finalist('b', 84, 84),
      finalist('c', 84, 84, { launchDate: '2012-01-01' }),
      finalist('d', 50, null),
      finalist('e', 70, 99, { group: 'pembina' }),
    ];
    expect(rankFinalists([...entries].reverse(), WEIGHTS, 2)).toEqual(rankFinalists(entries, WEIGHTS, 2));
  });

  it('keeps only the documented fields of each entry', () => {
    const withExtra = { ...finalist('a', 80, 80), passwordHash: 'x' } as FinalistScores;
    expect(Object.keys(entry(rankFinalists([withExtra], WEIGHTS, 1), 'a'))).not.toContain('passwordHash');
  });

  it('refuses an entry listed twice, a malformed date or instant, a bad score or top N', () => {
    expect(() => rankFinalists([finalist('a', 1, 1), finalist('a', 2, 2)], WEIGHTS, 1)).toThrow(
      'entry a is listed twice',
    );
    expect(() => rankFinalists([finalist('a', 1, 1, { launchDate: '2023-02-29' })], WEIGHTS, 1)).toThrow(
      'entry a: launch date 2023-02-29 is not a YYYY-MM-DD date',
    );
    expect(() => rankFinalists([finalist('a', 1, 1, { registeredAt: '2024-05-01T10:00:00' })], WEIGHTS, 1)).toThrow(
      'not an ISO instant with a zone',
    );
    expect(() => rankFinalists([finalist('a', 1, 120)], WEIGHTS, 1)).toThrow(
      'entry a: the interview score 120 is outside 0–100',
    );
    expect(() => rankFinalists([], WEIGHTS, -1)).toThrow('topN must be a whole number of at least 0, not -1');
  });
});
