import { acrossYearsRefusal, acrossYearsRule, acrossYearsRuleApplies, type EarlierAchievement } from './across-years';

const SAS_2022: EarlierAchievement = {
  entryId: '6f1e2a4c-0000-4000-8000-000000002022',
  title: 'Siswa Asuh Sebaya (SAS)',
  cycleId: 'cycle-kipp-2022',
  programme: 'kipp',
  year: 2022,
  result: 'finalist',
  decisionNumber: '1/KIPP-2022',
};
const SAS_2023: EarlierAchievement = {
  ...SAS_2022,
  entryId: '6f1e2a4c-0000-4000-8000-000000002023',
  cycleId: 'cycle-kipp-2023',
  year: 2023,
  decisionNumber: '2/KIPP-2023',
};
const SAS_2024_WINNER: EarlierAchievement = {
  ...SAS_2022,
  entryId: '6f1e2a4c-0000-4000-8000-000000002024',
  cycleId: 'cycle-pkri-2024',
  programme: 'pkri',
  year: 2024,
  result: 'winner',
  decisionNumber: '1/PKRI-2024',
};

describe('acrossYearsRule', () => {
  it('is off when the template says nothing, so such a template refuses nobody', () => {
    const rule = acrossYearsRule({ minInnovationAgeYears: 2 });
    expect(rule).toEqual({ refuseEarlierTopTierWinners: false, maxEarlierFinalistTimes: null });
    expect(acrossYearsRuleApplies(rule)).toBe(false);
    expect(acrossYearsRefusal(rule, [SAS_2022, SAS_2023, SAS_2024_WINNER])).toBeNull();
  });

  it('reads the submission stage parameters', () => {
    const rule = acrossYearsRule({ refuseEarlierTopTierWinners: true, maxEarlierFinalistTimes: 0 });
    expect(rule).toEqual({ refuseEarlierTopTierWinners: true, maxEarlierFinalistTimes: 0 });
    expect(acrossYearsRuleApplies(rule)).toBe(true);
    expect(acrossYearsRuleApplies(acrossYearsRule({ maxEarlierFinalistTimes: 2 }))).toBe(true);
  });
});

describe('acrossYearsRefusal', () => {
  const kipp = acrossYearsRule({ refuseEarlierTopTierWinners: true, maxEarlierFinalistTimes: 1 });

  it('lets in an innovation with no earlier result, and one on the final list as often as allowed', () => {
    expect(acrossYearsRefusal(kipp, [])).toBeNull();
    expect(acrossYearsRefusal(kipp, [SAS_2022])).toBeNull();
  });

  it('refuses an earlier winner, naming the entry, its title, year and decision', () => {
    const refusal = acrossYearsRefusal(kipp, [SAS_2022, SAS_2024_WINNER])!;
    expect(refusal.message).toBe(
      'This innovation already won in an earlier year: its entry 6f1e2a4c-0000-4000-8000-000000002024 ' +
        '"Siswa Asuh Sebaya (SAS)" (PKRI 2024) was a winner (top tier) in decision 1/PKRI-2024. ' +
        'This competition does not accept earlier winners again; register a different innovation.',
    );
    expect(refusal.details).toEqual([
      {
        path: 'continuesEntryId',
        message:
          'continues entry 6f1e2a4c-0000-4000-8000-000000002024 "Siswa Asuh Sebaya (SAS)" (PKRI 2024), ' +
          'a winner (top tier) in decision 1/PKRI-2024: earlier winners may not enter again',
      },
    ]);
    expect(refusal.earlierEntries).toEqual([SAS_2024_WINNER]);
  });

  it('counts earlier years on the final list, a winner among them, each cycle once, oldest first', () => {
    const finalistsOnly = acrossYearsRule({ maxEarlierFinalistTimes: 1 });
    const twiceInOneCycle = { ...SAS_2023, entryId: '6f1e2a4c-0000-4000-8000-00000000202b' };
    expect(acrossYearsRefusal(finalistsOnly, [SAS_2023, twiceInOneCycle])).toBeNull();
    const refusal = acrossYearsRefusal(finalistsOnly, [SAS_2024_WINNER, SAS_2022])!;
    expect(refusal.message).toMatch(
      /^This innovation already reached the final list 2 times in earlier years: its entry \S+2022 "Siswa Asuh Sebaya \(SAS\)" \(KIPP 2022\), a finalist in decision 1\/KIPP-2022; entry \S+2024 .*\(PKRI 2024\), a winner \(top tier\) in decision 1\/PKRI-2024\. This competition accepts an innovation that reached it at most 1 time; register a different innovation\.$/,
    );
    expect(refusal.earlierEntries.map((entry) => entry.year)).toEqual([2022, 2024]);
    expect(refusal.details).toHaveLength(2);
    expect(refusal.details[0]).toEqual({
      path: 'continuesEntryId',
      message: expect.stringMatching(/KIPP 2022.*on the final list 2 times in earlier years, at most 1 time allowed$/),
    });
  });

  it('refuses winners first when both rules apply, and with no limit on finalists counts nothing', () => {
    expect(acrossYearsRefusal(kipp, [SAS_2022, SAS_2023, SAS_2024_WINNER])!.earlierEntries).toEqual([SAS_2024_WINNER]);
    const winnersOnly = acrossYearsRule({ refuseEarlierTopTierWinners: true });
    expect(acrossYearsRefusal(winnersOnly, [SAS_2022, SAS_2023])).toBeNull();
  });

  it('with a limit of 0 admits only innovations that never reached the final list', () => {
    const never = acrossYearsRule({ maxEarlierFinalistTimes: 0 });
    expect(acrossYearsRefusal(never, [SAS_2022])!.message).toMatch(
      /reached the final list 1 time in earlier years: .* This competition accepts only innovations that never reached it;/,
    );
  });
});
