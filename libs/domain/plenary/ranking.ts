import { compareText } from '../ordering';
import { finalScore, type FinalScoreWeights, type ScoreComponent } from './final-score';
import {
  dateId,
  instantId,
  isCalendarDate,
  listId,
  parseInstant,
  SCORE_COMPONENT_ID,
  scoreId,
} from './indonesian-text';

/** What the plenary knows of one finalist. Scores are 0–100, null where the entry has none. */
export interface FinalistScores {
  entryId: string;
  title: string;
  agencyCode: string;
  agencyName: string;
  cluster: string;
  group: string;
  desk: number | null;
  interview: number | null;
  fieldVerification: number | null;
  /** ISO instant with its zone. */
  registeredAt: string;
  /** `YYYY-MM-DD`. */
  launchDate: string;
}

/** The tie-breaks, in the order they apply after the final score. */
export const FINAL_TIE_BREAKS = ['interview', 'desk', 'launch-date', 'registration', 'entry-id'] as const;

export type FinalTieBreak = (typeof FINAL_TIE_BREAKS)[number];

/** Why an entry stands above or below a neighbour with the same final score. */
export interface TieNote {
  withEntryId: string;
  /** Where this entry stands relative to `withEntryId`. */
  placed: 'above' | 'below';
  /** The first tie-break that told them apart. */
  rule: FinalTieBreak;
  /** In Indonesian, e.g. `Nilai akhir sama dengan E2 (84,13); ditempatkan di bawahnya karena nilai wawancara lebih rendah (85,00 dibanding 88,00).` */
  reason: string;
}

export interface RankedFinalist extends FinalistScores {
  /** Weighted contributions, as `finalScore` gives them. */
  weighted: Record<ScoreComponent, number | null>;
  /** Two decimals; null when a weighted component has no score. */
  final: number | null;
  /** 1..n within the cluster and group; null for an entry without a final score. */
  rank: number | null;
  /** Proposed to the plenary as a winner: `rank <= topN`. */
  proposed: boolean;
  /** Components with a weight whose score is missing (only for unranked entries). */
  missing: ScoreComponent[];
  /** One note per tied neighbour (none when the final score is not shared). */
  ties: TieNote[];
  /** Why the entry has no rank, in Indonesian; null for a ranked entry. */
  unrankedReason: string | null;
}

export interface RankedGroup {
  cluster: string;
  group: string;
  /** Ranked entries in rank order, then the unranked ones by entry id. */
  entries: RankedFinalist[];
}

export interface FinalRanking {
  weights: FinalScoreWeights;
  topN: number;
  /** One per cluster and group that has finalists, by cluster then group (`compareText`). */
  groups: RankedGroup[];
}

interface Rule {
  /** Negative when `a` goes first. */
  compare(a: Keyed, b: Keyed): number;
  /** Why `self` stands where it does against `other`: [when above, when below]. */
  words: [string, string];
  value(entry: Keyed): string;
}

interface Keyed {
  entry: FinalistScores;
  final: number;
  registered: number;
}

/** Higher first; a score beats no score. */
const higher = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);

const RULES: Record<FinalTieBreak, Rule> = {
  interview: {
    compare: (a, b) => higher(a.entry.interview, b.entry.interview),
    words: ['nilai wawancara lebih tinggi', 'nilai wawancara lebih rendah'],
    value: (k) => scoreId(k.entry.interview),
  },
  desk: {
    compare: (a, b) => higher(a.entry.desk, b.entry.desk),
    words: ['nilai desk lebih tinggi', 'nilai desk lebih rendah'],
    value: (k) => scoreId(k.entry.desk),
  },
  'launch-date': {
    compare: (a, b) => compareText(a.entry.launchDate, b.entry.launchDate),
    words: ['inovasinya diluncurkan lebih dahulu', 'inovasinya diluncurkan lebih kemudian'],
    value: (k) => dateId(k.entry.launchDate),
  },
  registration: {
    compare: (a, b) => a.registered - b.registered,
    words: ['didaftarkan lebih awal', 'didaftarkan lebih akhir'],
    value: (k) => instantId(k.entry.registeredAt, 'WIB', true),
  },
  'entry-id': {
    compare: (a, b) => compareText(a.entry.entryId, b.entry.entryId),
    words: [
      'nomor entrinya lebih dahulu dalam urutan, pemecah seri terakhir',
      'nomor entrinya lebih kemudian dalam urutan, pemecah seri terakhir',
    ],
    value: (k) => k.entry.entryId,
  },
};

/**
 * The finalists of each cluster and group ranked by final score, highest first. Ties on the published (rounded)
 * final score are broken by, in order: the higher interview score, the higher desk score, the older launch date,
 * the earlier registration, the entry id (code-unit order); every tie broken is noted on both entries. Entries
 * whose final score cannot be computed follow, unranked, with the reason. The first `topN` of each are proposed.
 */
export function rankFinalists(entries: FinalistScores[], weights: FinalScoreWeights, topN: number): FinalRanking {
  if (!Number.isInteger(topN) || topN < 0) throw new Error(`topN must be a whole number of at least 0, not ${topN}`);
  const seen = new Set<string>();
  const cells = new Map<string, { cluster: string; group: string; ranked: Keyed[]; unranked: RankedFinalist[] }>();
  const scored = new Map<string, ReturnType<typeof finalScore>>();
  for (const entry of entries) {
    if (seen.has(entry.entryId)) throw new Error(`entry ${entry.entryId} is listed twice`);
    seen.add(entry.entryId);
    if (!isCalendarDate(entry.launchDate)) {
      throw new Error(`entry ${entry.entryId}: launch date ${entry.launchDate} is not a YYYY-MM-DD date`);
    }
    const registered = parseInstant(entry.registeredAt);
    if (registered === undefined) {
      throw new Error(
        `entry ${entry.entryId}: registration time ${entry.registeredAt} is not an ISO instant with a zone`,
      );
    }
    let score: ReturnType<typeof finalScore>;
    try {
      score = finalScore(entry, weights);
    } catch (error) {
      throw new Error(`entry ${entry.entryId}: ${(error as Error).message}`, { cause: error });
    }
    scored.set(entry.entryId, score);
    const key = `${entry.cluster}\u0000${entry.group}`;
    const cell = cells.get(key) ?? { cluster: entry.cluster, group: entry.group, ranked: [], unranked: [] };
    cells.set(key, cell);
    if (score.final === null) {
      cell.unranked.push({
        ...finalistFields(entry),
        weighted: score.components,
        final: null,
        rank: null,
        proposed: false,
        missing: score.missing,
        ties: [],
        unrankedReason: `Tidak diperingkat karena ${listId(score.missing.map((c) => SCORE_COMPONENT_ID[c]))} belum ada, sehingga nilai akhir tidak dapat dihitung.`,
      });
    } else cell.ranked.push({ entry: finalistFields(entry), final: score.final, registered });
  }

  const groups = [...cells.values()]
    .sort((a, b) => compareText(a.cluster, b.cluster) || compareText(a.group, b.group))
    .map((cell): RankedGroup => {
      const ranked = [...cell.ranked].sort(compareKeyed);
      const rows = ranked.map((keyed, index): RankedFinalist => {
        const ties: TieNote[] = [];
        const previous = ranked[index - 1];
        const next = ranked[index + 1];
        if (previous?.final === keyed.final) ties.push(tieNote(keyed, previous, 'below'));
        if (next?.final === keyed.final) ties.push(tieNote(keyed, next, 'above'));
        return {
          ...keyed.entry,
          weighted: scored.get(keyed.entry.entryId)!.components,
          final: keyed.final,
          rank: index + 1,
          proposed: index < topN,
          missing: [],
          ties,
          unrankedReason: null,
        };
      });
      const unranked = [...cell.unranked].sort((a, b) => compareText(a.entryId, b.entryId));
      return { cluster: cell.cluster, group: cell.group, entries: [...rows, ...unranked] };
    });
  return { weights: { ...weights }, topN, groups };
}

/** A copy with exactly the documented fields: nothing else a caller's row carried reaches a decision. */
function finalistFields(entry: FinalistScores): FinalistScores {
  const { entryId, title, agencyCode, agencyName, cluster, group, desk, interview, fieldVerification } = entry;
  const { registeredAt, launchDate } = entry;
  return {
    entryId,
    title,
    agencyCode,
    agencyName,
    cluster,
    group,
    desk,
    interview,
    fieldVerification,
    registeredAt,
    launchDate,
  };
}

function compareKeyed(a: Keyed, b: Keyed): number {
  if (a.final !== b.final) return b.final - a.final;
  for (const rule of FINAL_TIE_BREAKS) {
    const order = RULES[rule].compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
}

function tieNote(self: Keyed, other: Keyed, placed: 'above' | 'below'): TieNote {
  const rule = FINAL_TIE_BREAKS.find((r) => RULES[r].compare(self, other) !== 0)!;
  const { words, value } = RULES[rule];
  const where = placed === 'above' ? 'di atasnya' : 'di bawahnya';
  return {
    withEntryId: other.entry.entryId,
    placed,
    rule,
    reason:
      `Nilai akhir sama dengan ${other.entry.entryId} (${scoreId(self.final)}); ditempatkan ${where} karena ` +
      `${words[placed === 'above' ? 0 : 1]} (${value(self)} dibanding ${value(other)}).`,
  };
}
