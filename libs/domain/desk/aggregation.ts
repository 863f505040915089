export interface ScoredCriterion {
  key: string;
  weight: number;
  scale: { min: number; max: number };
}

export type Normalisation = 'z-score' | 'none';

export interface EvaluatorScore {
  entryId: string;
  evaluatorId: string;
  weighted: number;
}

export interface EntryDeskResult {
  entryId: string;
  score: number;
  evaluators: { evaluatorId: string; weighted: number; normalised: number }[];
  spread: number;
  disagreement: boolean;
}

/**
 * One evaluator's rubric for one entry as a score from 0 to 100: each criterion placed on 0–100 within its own
 * scale, then weighted by its share of the total weight. A criterion of weight 0 may go unscored; any other
 * missing or out-of-scale score is refused rather than counted as something it is not.
 */
export function weightedScore(criteria: ScoredCriterion[], scores: Record<string, number>): number {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (!(totalWeight > 0)) throw new Error('the criteria must have a positive total weight');
  let total = 0;
  for (const { key, weight, scale } of criteria) {
    if (weight === 0) continue;
    if (!(scale.max > scale.min)) throw new Error(`the scale of ${key} must run from a lower to a higher number`);
    const score = scores[key];
    if (typeof score !== 'number' || Number.isNaN(score)) throw new Error(`no score for ${key}`);
    if (score < scale.min || score > scale.max) {
      throw new Error(`the score ${score} for ${key} is outside its scale ${scale.min}–${scale.max}`);
    }
    total += (((score - scale.min) / (scale.max - scale.min)) * 100 * weight) / totalWeight;
  }
  return round4(total);
}

/**
 * Every entry's desk score: the mean of its evaluators' normalised scores. Under 'z-score' each evaluator's
 * scores are standardised against that evaluator's own mean and spread, then put back on the pooled 0–100 scale
 * of all scores, so a harsh and a lenient evaluator weigh alike and a passing grade keeps its meaning. An
 * evaluator who gave every entry the same score (or scored only one) contributes the pooled mean.
 */
export function aggregateDeskScores(
  scores: EvaluatorScore[],
  normalisation: Normalisation,
  disagreementThreshold: number,
): EntryDeskResult[] {
  // Sorted first: sums of floating-point numbers depend on their order, and the result must not.
  const sorted = [...scores].sort(
    (a, b) => compareText(a.evaluatorId, b.evaluatorId) || compareText(a.entryId, b.entryId),
  );
  for (let i = 1; i < sorted.length; i++) {
    const [previous, current] = [sorted[i - 1], sorted[i]];
    if (previous.evaluatorId === current.evaluatorId && previous.entryId === current.entryId) {
      throw new Error(`evaluator ${current.evaluatorId} has two scores for entry ${current.entryId}`);
    }
  }
  const normalise = normalisation === 'z-score' ? zScoreNormaliser(sorted) : (score: EvaluatorScore) => score.weighted;

  const byEntry = new Map<string, EntryDeskResult['evaluators']>();
  for (const score of sorted) {
    const row = { evaluatorId: score.evaluatorId, weighted: score.weighted, normalised: round4(normalise(score)) };
    const rows = byEntry.get(score.entryId);
    if (rows) rows.push(row);
    else byEntry.set(score.entryId, [row]);
  }
  return [...byEntry.keys()].sort(compareText).map((entryId) => {
    const evaluators = byEntry.get(entryId)!;
    const normalised = evaluators.map((row) => row.normalised);
    const spread = round4(Math.max(...normalised) - Math.min(...normalised));
    return {
      entryId,
      score: round4(mean(normalised)),
      evaluators,
      spread,
      disagreement: spread > disagreementThreshold,
    };
  });
}

/**
 * Below this (relative to the mean) a deviation is rounding noise: three scores of 57.3 have a mean of
 * 57.29999999999999 and a deviation of about 7e-15, which must not turn into z-scores of 1.
 */
const FLAT = 1e-9;

function zScoreNormaliser(sorted: EvaluatorScore[]): (score: EvaluatorScore) => number {
  const pooled = meanAndDeviation(sorted.map((score) => score.weighted));
  const perEvaluator = new Map<string, number[]>();
  for (const score of sorted) {
    const values = perEvaluator.get(score.evaluatorId);
    if (values) values.push(score.weighted);
    else perEvaluator.set(score.evaluatorId, [score.weighted]);
  }
  const own = new Map([...perEvaluator].map(([evaluatorId, values]) => [evaluatorId, meanAndDeviation(values)]));
  return (score) => {
    const { mean: m, deviation } = own.get(score.evaluatorId)!;
    const z = deviation <= FLAT * Math.max(1, Math.abs(m)) ? 0 : (score.weighted - m) / deviation;
    return pooled.mean + pooled.deviation * z;
  };
}

/** Mean and population standard deviation. */
function meanAndDeviation(values: number[]): { mean: number; deviation: number } {
  const m = mean(values);
  const variance = mean(values.map((value) => (value - m) ** 2));
  return { mean: m, deviation: Math.sqrt(variance) };
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Four decimals, and never -0 (which prints as 0 but is not equal to it everywhere). */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000 || 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
