import {
  applyOverrides,
  hasQuorum,
  overrideCarries,
  quorumOf,
  tallyVotes,
  validateOverride,
  validateOverrides,
  type Ballot,
} from './plenary-rules';
import { rankFinalists, type FinalistScores } from './ranking';

const panel = Array.from({ length: 13 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
const REASON = 'Inovasi direplikasi oleh tiga daerah lain sejak 2022.';

const finalist = (entryId: string, score: number | null, extra: Partial<FinalistScores> = {}): FinalistScores => ({
  entryId,
  title: `Inovasi ${entryId}`,
  agencyCode: entryId,
  agencyName: `Instansi ${entryId}`,
  cluster: 'kabupaten',
  group: 'replikasi',
  desk: score,
  interview: score,
  fieldVerification: null,
  registeredAt: '2024-05-02T03:00:00Z',
  launchDate: '2020-01-01',
  ...extra,
});

// kabupaten/replikasi: k1 90, k2 85, k3 80, k4 75, k5 unranked; kota/replikasi: t1 70. Top 2 proposed.
const ranking = rankFinalists(
  [
    finalist('k1', 90),
    finalist('k2', 85),
    finalist('k3', 80),
    finalist('k4', 75),
    finalist('k5', null),
    finalist('t1', 70, { cluster: 'kota' }),
  ],
  { desk: 40, interview: 60, fieldVerification: 0 },
  2,
);

describe('quorum', () => {
  it('is a majority of the members: 7 of 13', () => {
    expect(quorumOf(13)).toBe(7);
    expect(quorumOf(12)).toBe(7);
    expect(quorumOf(1)).toBe(1);
  });

  it('is met by 7 of 13 present and not by 6, a panelist listed twice counting once', () => {
    expect(hasQuorum(panel.slice(0, 7), 7)).toBe(true);
    expect(hasQuorum(panel.slice(0, 6), 7)).toBe(false);
    expect(hasQuorum([...panel.slice(0, 6), 'p01'], 7)).toBe(false);
    expect(() => hasQuorum(panel, 0)).toThrow('the quorum must be a whole number above 0, not 0');
  });
});

describe('tallyVotes', () => {
  it('counts only those present, a panelist’s last vote replacing the earlier ones', () => {
    const votes: Ballot[] = [
      { panelistId: 'p01', vote: 'reject' },
      { panelistId: 'p02', vote: 'approve' },
      { panelistId: 'p01', vote: 'approve' },
      { panelistId: 'p03', vote: 'abstain' },
      { panelistId: 'p09', vote: 'approve' },
    ];
    expect(tallyVotes(votes, ['p01', 'p02', 'p03', 'p04'])).toEqual({
      approve: 2,
      reject: 0,
      abstain: 1,
      present: 4,
      counted: [
        { panelistId: 'p01', vote: 'approve' },
        { panelistId: 'p02', vote: 'approve' },
        { panelistId: 'p03', vote: 'abstain' },
      ],
      notVoted: ['p04'],
      notPresent: ['p09'],
    });
  });

  it('refuses something that is not a vote', () => {
    expect(() => tallyVotes([{ panelistId: 'p01', vote: 'yes' as never }], ['p01'])).toThrow(
      'panelist p01: "yes" is not a vote (approve, reject or abstain)',
    );
  });
});

describe('overrideCarries', () => {
  const vote = (approve: number, reject: number, abstain: number): Ballot[] => [
    ...panel.slice(0, approve).map((panelistId) => ({ panelistId, vote: 'approve' as const })),
    ...panel.slice(approve, approve + reject).map((panelistId) => ({ panelistId, vote: 'reject' as const })),
    ...panel
      .slice(approve + reject, approve + reject + abstain)
      .map((panelistId) => ({ panelistId, vote: 'abstain' as const })),
  ];

  it('carries 7–6 with 13 present, not 6–6 with 12', () => {
    const sevenSix = tallyVotes(vote(7, 6, 0), panel);
    expect(overrideCarries(sevenSix.approve, sevenSix.present)).toBe(true);
    const sixSix = tallyVotes(vote(6, 6, 0), panel.slice(0, 12));
    expect(overrideCarries(sixSix.approve, sixSix.present)).toBe(false);
  });

  it('counts abstentions, and the present who did not vote, among those present', () => {
    const abstaining = tallyVotes(vote(6, 5, 2), panel);
    expect([abstaining.approve, abstaining.present]).toEqual([6, 13]);
    expect(overrideCarries(abstaining.approve, abstaining.present)).toBe(false);
    const silent = tallyVotes(vote(6, 4, 0), panel);
    expect(overrideCarries(silent.approve, silent.present)).toBe(false);
  });

  it('refuses counts that cannot be', () => {
    expect(() => overrideCarries(8, 7)).toThrow('votes for must be a whole number from 0 to the 7 present, not 8');
  });
});

describe('validateOverride', () => {
  it('accepts moving a non-winner in and a winner out, with a reason', () => {
    expect(validateOverrides(ranking, [{ entryId: 'k4', direction: 'in', reason: REASON }])).toEqual([]);
    expect(validateOverrides(ranking, [{ entryId: 'k1', direction: 'out', reason: REASON }])).toEqual([]);
  });

  it('wants a reason of at least 20 characters', () => {
    expect(validateOverride(ranking, { entryId: 'k3', direction: 'in', reason: '  Bagus sekali.  ' })).toEqual([
      'the reason must be at least 20 characters (it has 13)',
    ]);
  });

  it('refuses an entry not in the ranking, a winner moved in, a non-winner moved out, an unranked entry moved in', () => {
    expect(validateOverride(ranking, { entryId: 'zz', direction: 'in', reason: REASON })).toEqual([
      'entry zz is not in the ranking',
    ]);
    expect(validateOverride(ranking, { entryId: 'k2', direction: 'in', reason: REASON })).toEqual([
      'entry k2 is already a winner (rank 2 in kabupaten/replikasi, top 2)',
    ]);
    expect(validateOverride(ranking, { entryId: 'k3', direction: 'out', reason: REASON })).toEqual([
      'entry k3 is not a winner (rank 3 in kabupaten/replikasi, top 2), so it cannot be moved out',
    ]);
    expect(validateOverride(ranking, { entryId: 'k5', direction: 'in', reason: REASON })).toEqual([
      'entry k5 has no final score (desk, interview missing), so it cannot be moved in',
    ]);
  });

  it('refuses two overrides of one entry', () => {
    expect(
      validateOverrides(ranking, [
        { entryId: 'k3', direction: 'in', reason: REASON },
        { entryId: 'k3', direction: 'in', reason: REASON },
      ]),
    ).toEqual(['entry k3 has more than one override']);
  });
});

describe('applyOverrides', () => {
  it('without overrides, the proposed entries win', () => {
    const outcome = applyOverrides(ranking, []);
    expect(outcome.groups.map((g) => [g.cluster, g.winners.map((w) => w.entryId)])).toEqual([
      ['kabupaten', ['k1', 'k2']],
      ['kota', ['t1']],
    ]);
    expect(outcome.groups[0].entries.map((e) => [e.entryId, e.status])).toEqual([
      ['k1', 'winner'],
      ['k2', 'winner'],
      ['k3', 'finalist'],
      ['k4', 'finalist'],
      ['k5', 'not-selected'],
    ]);
  });

  it('moves entries in and out of their own cluster and group, keeping ranks and rank order', () => {
    const outcome = applyOverrides(ranking, [
      { entryId: 'k4', direction: 'in', reason: `  ${REASON}  ` },
      { entryId: 'k1', direction: 'out', reason: 'Terdapat keberatan publik yang terbukti benar.' },
    ]);
    const kabupaten = outcome.groups[0];
    expect(kabupaten.winners.map((w) => [w.entryId, w.rank])).toEqual([
      ['k2', 2],
      ['k4', 4],
    ]);
    expect(kabupaten.entries.map((e) => [e.entryId, e.rank, e.status, e.override?.direction])).toEqual([
      ['k1', 1, 'not-selected', 'out'],
      ['k2', 2, 'winner', undefined],
      ['k3', 3, 'finalist', undefined],
      ['k4', 4, 'winner', 'in'],
      ['k5', null, 'not-selected', undefined],
    ]);
    expect(kabupaten.entries[3].override).toEqual({ direction: 'in', reason: REASON });
    expect(outcome.groups[1].winners.map((w) => w.entryId)).toEqual(['t1']);
  });

  it('refuses overrides that do not validate, naming every problem', () => {
    expect(() =>
      applyOverrides(ranking, [
        { entryId: 'k1', direction: 'in', reason: REASON },
        { entryId: 'k3', direction: 'out', reason: 'pendek' },
      ]),
    ).toThrow(
      'entry k1 is already a winner (rank 1 in kabupaten/replikasi, top 2); the reason must be at least 20 characters (it has 6); ' +
        'entry k3 is not a winner (rank 3 in kabupaten/replikasi, top 2), so it cannot be moved out',
    );
  });
});
