import type { FieldIssue } from '../error-codes';
import { compareText } from '../ordering';
import type { StageParams } from '../template/competition-template';

/**
 * Eligibility across years: a template may refuse an innovation entered again (its registration names its earlier
 * entry in `continuesEntryId`) because of what that innovation achieved in earlier years. Configured on the
 * submission stage; off when the template says nothing, so a template without these parameters behaves as before.
 */
export interface AcrossYearsRule {
  /** `refuseEarlierTopTierWinners`: an innovation that was a winner (the top tier) in an earlier year may not enter. */
  refuseEarlierTopTierWinners: boolean;
  /**
   * `maxEarlierFinalistTimes`: the most earlier years in which the innovation may have reached the final list (a
   * winner or a finalist in its cycle's decision) and still enter; null for no limit. 0 admits only innovations
   * that never reached it; 1 refuses one that reached it twice.
   */
  maxEarlierFinalistTimes: number | null;
}

/**
 * One earlier entry of the innovation and what it achieved: its status in the announced decision in force of its
 * cycle, where `winner` is the top tier (proposed in the top N of its cluster and group, or moved in by the
 * plenary) and `finalist` the rest of the plenary's ranked list.
 */
export interface EarlierAchievement {
  entryId: string;
  title: string;
  cycleId: string;
  programme: string;
  year: number;
  result: 'winner' | 'finalist';
  /** The decision that says so, e.g. `2/PKRI-2024`. */
  decisionNumber: string;
}

export interface AcrossYearsRefusal {
  message: string;
  /** One issue on `continuesEntryId` per earlier entry the refusal rests on. */
  details: FieldIssue[];
  /** The earlier entries the refusal rests on, oldest first, for a caller to show or link. */
  earlierEntries: EarlierAchievement[];
}

export function acrossYearsRule(params: StageParams = {}): AcrossYearsRule {
  const max = params.maxEarlierFinalistTimes;
  return {
    refuseEarlierTopTierWinners: params.refuseEarlierTopTierWinners === true,
    maxEarlierFinalistTimes: typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : null,
  };
}

/** Whether the rule can refuse anything, so a template without it costs no query. */
export function acrossYearsRuleApplies(rule: AcrossYearsRule): boolean {
  return rule.refuseEarlierTopTierWinners || rule.maxEarlierFinalistTimes !== null;
}

/** `entry 6f1e… "Siswa Asuh Sebaya" (PKRI 2024)` */
function named(entry: EarlierAchievement): string {
  return `entry ${entry.entryId} "${entry.title}" (${entry.programme.toUpperCase()} ${entry.year})`;
}

function achieved(entry: EarlierAchievement): string {
  const what = entry.result === 'winner' ? 'a winner (top tier)' : 'a finalist';
  return `${what} in decision ${entry.decisionNumber}`;
}

const times = (count: number) => (count === 1 ? '1 time' : `${count} times`);

/**
 * The refusal of an innovation entered again, given what its entries in earlier years achieved (any order), or
 * null when the rule lets it in. Winners are refused first when the template refuses them; otherwise the earlier
 * years on the final list are counted (a winner reached it too), each cycle once.
 */
export function acrossYearsRefusal(
  rule: AcrossYearsRule,
  earlier: readonly EarlierAchievement[],
): AcrossYearsRefusal | null {
  const oldestFirst = [...earlier].sort(
    (a, b) => a.year - b.year || compareText(a.cycleId, b.cycleId) || compareText(a.entryId, b.entryId),
  );
  const winners = oldestFirst.filter((entry) => entry.result === 'winner');
  if (rule.refuseEarlierTopTierWinners && winners.length > 0) {
    const listed = winners.map((entry) => `${named(entry)} was ${achieved(entry)}`).join('; ');
    return {
      message:
        `This innovation already won in an earlier year: its ${listed}. ` +
        'This competition does not accept earlier winners again; register a different innovation.',
      details: winners.map((entry) => ({
        path: 'continuesEntryId',
        message: `continues ${named(entry)}, ${achieved(entry)}: earlier winners may not enter again`,
      })),
      earlierEntries: winners,
    };
  }
  if (rule.maxEarlierFinalistTimes === null) return null;
  const byCycle = new Map<string, EarlierAchievement>();
  for (const entry of oldestFirst) if (!byCycle.has(entry.cycleId)) byCycle.set(entry.cycleId, entry);
  const onTheList = [...byCycle.values()];
  if (onTheList.length <= rule.maxEarlierFinalistTimes) return null;
  const allowed =
    rule.maxEarlierFinalistTimes === 0
      ? 'accepts only innovations that never reached it'
      : `accepts an innovation that reached it at most ${times(rule.maxEarlierFinalistTimes)}`;
  const listed = onTheList.map((entry) => `${named(entry)}, ${achieved(entry)}`).join('; ');
  return {
    message:
      `This innovation already reached the final list ${times(onTheList.length)} in earlier years: its ${listed}. ` +
      `This competition ${allowed}; register a different innovation.`,
    details: onTheList.map((entry) => ({
      path: 'continuesEntryId',
      message:
        `continues an innovation whose ${named(entry)} was ${achieved(entry)}: on the final list ` +
        `${times(onTheList.length)} in earlier years, at most ${times(rule.maxEarlierFinalistTimes!)} allowed`,
    })),
    earlierEntries: onTheList,
  };
}
