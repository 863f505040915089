import {
  addDecimals,
  decimalToNumber,
  multiplyDecimals,
  roundDecimal,
  shiftDecimal,
  toDecimal,
  type Decimal,
} from './decimal';

export const SCORE_COMPONENTS = ['desk', 'interview', 'fieldVerification'] as const;

export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** Percentages summing to 100; `fieldVerification` is 0 when the cycle has no field verification. */
export interface FinalScoreWeights {
  desk: number;
  interview: number;
  fieldVerification: number;
}

/** An entry's scores on 0–100; null where it has none (yet). */
export type ComponentScores = Record<ScoreComponent, number | null>;

export interface FinalScore {
  /** Rounded to `FINAL_SCORE_DECIMALS`; null when a weighted component has no score. */
  final: number | null;
  /** Each component's weighted contribution (score × weight / 100, exact); 0 for a weight of 0, null if missing. */
  components: Record<ScoreComponent, number | null>;
  /** Components with a weight above 0 and no score, in `SCORE_COMPONENTS` order. */
  missing: ScoreComponent[];
}

/**
 * The final score is published with two decimals, rounded half away from zero on the exact decimal sum of the
 * weighted components (each score and weight taken as the decimal it prints as; see decimal.ts): 84.125 → 84.13,
 * and 80 × 30% + 81.75 × 70% = 81.225 → 81.23 although the float sum is 81.22499999999999.
 */
export const FINAL_SCORE_DECIMALS = 2;

const LABEL: Record<ScoreComponent, string> = {
  desk: 'desk',
  interview: 'interview',
  fieldVerification: 'field verification',
};

/**
 * What is wrong with a set of weights, in words an admin can act on; empty when nothing is. With
 * `hasFieldVerification: false` (the cycle has no such stage) its weight must be 0.
 */
export function checkWeights(weights: FinalScoreWeights, options: { hasFieldVerification?: boolean } = {}): string[] {
  const problems: string[] = [];
  const valid: Decimal[] = [];
  for (const component of SCORE_COMPONENTS) {
    const weight = weights[component];
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      problems.push(`the ${LABEL[component]} weight must be a number (it is ${String(weight)})`);
    } else if (weight < 0 || weight > 100) {
      problems.push(`the ${LABEL[component]} weight must be between 0 and 100 (it is ${weight})`);
    } else valid.push(toDecimal(weight));
  }
  if (problems.length === 0) {
    const total = decimalToNumber(addDecimals(valid));
    if (total !== 100) problems.push(`weights must add up to 100 (they add up to ${total})`);
  }
  if (options.hasFieldVerification === false && weights.fieldVerification !== 0) {
    problems.push(
      `the cycle has no field verification, so its weight must be 0 (it is ${String(weights.fieldVerification)})`,
    );
  }
  return problems;
}

/**
 * An entry's final score from its component scores. A component that counts (weight above 0) but has no score
 * makes the final score null and is listed in `missing`: an entry without an interview score is never ranked as
 * if it had scored 0. Weights that fail `checkWeights` and scores outside 0–100 are a caller's mistake and throw.
 */
export function finalScore(scores: ComponentScores, weights: FinalScoreWeights): FinalScore {
  const problems = checkWeights(weights);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const components = { desk: null, interview: null, fieldVerification: null } as FinalScore['components'];
  const missing: ScoreComponent[] = [];
  const parts: Decimal[] = [];
  for (const component of SCORE_COMPONENTS) {
    const score = scores[component];
    if (score !== null && (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 100)) {
      throw new Error(`the ${LABEL[component]} score ${String(score)} is outside 0–100`);
    }
    if (weights[component] === 0) {
      components[component] = 0;
    } else if (score === null) {
      missing.push(component);
    } else {
      const part = shiftDecimal(multiplyDecimals(toDecimal(score), toDecimal(weights[component])), 2);
      components[component] = decimalToNumber(part);
      parts.push(part);
    }
  }
  const final = missing.length > 0 ? null : decimalToNumber(roundDecimal(addDecimals(parts), FINAL_SCORE_DECIMALS));
  return { final, components, missing };
}
