import { aggregateDeskScores, weightedScore, type EvaluatorScore, type ScoredCriterion } from './aggregation';

// KIPP 2023, umum group; the summary weighs nothing.
const KIPP: ScoredCriterion[] = [
  { key: 'background', weight: 10, scale: { min: 0, max: 10 } },
  { key: 'novelty', weight: 15, scale: { min: 0, max: 10 } },
  { key: 'implementation', weight: 5, scale: { min: 0, max: 10 } },
  { key: 'significance', weight: 30, scale: { min: 0, max: 10 } },
  { key: 'adaptability', weight: 20, scale: { min: 0, max: 10 } },
  { key: 'resources', weight: 5, scale: { min: 0, max: 10 } },
  { key: 'sustainability', weight: 15, scale: { min: 0, max: 10 } },
  { key: 'summary', weight: 0, scale: { min: 0, max: 10 } },
];

const scored = (evaluatorId: string, values: number[], entries = ['A', 'B', 'C', 'D']): EvaluatorScore[] =>
  values.map((weighted, i) => ({ entryId: entries[i], evaluatorId, weighted }));

describe('weightedScore', () => {
  it('places each criterion on 0–100 within its scale and weights it by its share', () => {
    const scores = {
      background: 10,
      novelty: 5,
      implementation: 0,
      significance: 8,
      adaptability: 6,
      resources: 10,
      sustainability: 7,
    };
    // 10 + 7.5 + 0 + 24 + 12 + 5 + 10.5
    expect(weightedScore(KIPP, scores)).toBe(69);
  });

  it('does not need the weights to add up to 100, and rounds to four decimals', () => {
    const criteria = [
      { key: 'a', weight: 1, scale: { min: 1, max: 5 } },
      { key: 'b', weight: 2, scale: { min: 1, max: 4 } },
    ];
    // a: 50 × 1/3, b: 66.67 × 2/3
    expect(weightedScore(criteria, { a: 3, b: 3 })).toBe(61.1111);
  });

  it('refuses a missing or out-of-scale score rather than guessing', () => {
    expect(() => weightedScore(KIPP, { background: 5 })).toThrow('no score for novelty');
    expect(() => weightedScore(KIPP.slice(0, 1), { background: 11 })).toThrow('outside its scale 0–10');
    expect(() => weightedScore([], {})).toThrow('positive total weight');
  });
});

describe('aggregateDeskScores', () => {
  const harsh = [40, 55, 70, 85];
  const lenient = harsh.map((x) => 0.5 * x + 30); // 50, 57.5, 65, 72.5

  it('gives a harsh and a lenient evaluator who agree on the order identical normalised scores', () => {
    const results = aggregateDeskScores([...scored('E1', harsh), ...scored('E2', lenient)], 'z-score', 5);
    for (const result of results) {
      const [first, second] = result.evaluators;
      expect(first.normalised).toBe(second.normalised);
      expect(result.spread).toBe(0);
      expect(result.disagreement).toBe(false);
    }
  });

  it('keeps that invariance for any positive scale and shift', () => {
    let state = 42;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let trial = 0; trial < 50; trial++) {
      const entries = Array.from({ length: 12 }, (_, i) => `entry-${i}`);
      const base = entries.map(() => Math.round(random() * 1_000_000) / 10_000);
      const [a, b] = [0.2 + random() * 3, random() * 60 - 30];
      const other = base.map((x) => Math.round((a * x + b) * 10_000) / 10_000);
      const results = aggregateDeskScores(
        [...scored('E1', base, entries), ...scored('E2', other, entries)],
        'z-score',
        1,
      );
      for (const result of results) {
        // Each score was rounded to four decimals before normalising; the difference cannot exceed that noise.
        expect(Math.abs(result.evaluators[0].normalised - result.evaluators[1].normalised)).toBeLessThan(0.01);
        expect(result.disagreement).toBe(false);
      }
    }
  });

  it('flags disagreement without normalisation when the shift exceeds the threshold', () => {
    const shifted = harsh.map((x) => x + 12);
    const data = [...scored('E1', harsh), ...scored('E2', shifted)];
    const raw = aggregateDeskScores(data, 'none', 10);
    expect(raw.map((r) => [r.entryId, r.spread, r.disagreement])).toEqual([
      ['A', 12, true],
      ['B', 12, true],
      ['C', 12, true],
      ['D', 12, true],
    ]);
    expect(raw[0].score).toBe(46);
    expect(aggregateDeskScores(data, 'none', 12).every((r) => !r.disagreement)).toBe(true);
    expect(aggregateDeskScores(data, 'z-score', 10).every((r) => !r.disagreement)).toBe(true);
  });

  it('puts normalised scores on the pooled scale, so the mean and spread of all scores stay put', () => {
    const results = aggregateDeskScores([...scored('E1', harsh), ...scored('E2', lenient)], 'z-score', 5);
    const all = [...harsh, ...lenient];
    const pooledMean = all.reduce((s, x) => s + x, 0) / all.length;
    const pooledSd = Math.sqrt(all.reduce((s, x) => s + (x - pooledMean) ** 2, 0) / all.length);
    // The harsh evaluator's z-scores are ±1.3416 and ±0.4472.
    const z = (40 - 62.5) / Math.sqrt(281.25);
    expect(results[0].score).toBeCloseTo(pooledMean + pooledSd * z, 4);
    const meanOfScores = results.reduce((s, r) => s + r.score, 0) / results.length;
    expect(meanOfScores).toBeCloseTo(pooledMean, 4);
  });

  it('gives an evaluator with one score, or the same score everywhere, the pooled mean', () => {
    const data = [
      ...scored('E1', [57.3, 57.3, 57.3]),
      ...scored('E2', [60, 70, 80]),
      { entryId: 'D', evaluatorId: 'E3', weighted: 99 },
    ];
    const results = aggregateDeskScores(data, 'z-score', 100);
    const pooledMean = (57.3 * 3 + 60 + 70 + 80 + 99) / 7;
    const normalisedOf = (entryId: string, evaluatorId: string) =>
      results.find((r) => r.entryId === entryId)!.evaluators.find((e) => e.evaluatorId === evaluatorId)!.normalised;
    expect(normalisedOf('A', 'E1')).toBeCloseTo(pooledMean, 4);
    expect(normalisedOf('C', 'E1')).toBeCloseTo(pooledMean, 4);
    expect(normalisedOf('D', 'E3')).toBeCloseTo(pooledMean, 4);
  });

  it('sorts entries and their evaluators by id and does not depend on input order', () => {
    const data = [...scored('E2', lenient), ...scored('E1', harsh), ...scored('E3', [90, 10, 50, 30])];
    const results = aggregateDeskScores(data, 'z-score', 15);
    expect(results.map((r) => r.entryId)).toEqual(['A', 'B', 'C', 'D']);
    expect(results[0].evaluators.map((e) => e.evaluatorId)).toEqual(['E1', 'E2', 'E3']);
    expect(aggregateDeskScores([...data].reverse(), 'z-score', 15)).toEqual(results);
  });

  it('averages the normalised scores, measures their spread and flags it above the threshold', () => {
    const results = aggregateDeskScores(
      [...scored('E1', [80, 60], ['A', 'B']), ...scored('E2', [70, 40], ['A', 'B'])],
      'none',
      15,
    );
    expect(results).toEqual([
      {
        entryId: 'A',
        score: 75,
        evaluators: [
          { evaluatorId: 'E1', weighted: 80, normalised: 80 },
          { evaluatorId: 'E2', weighted: 70, normalised: 70 },
        ],
        spread: 10,
        disagreement: false,
      },
      {
        entryId: 'B',
        score: 50,
        evaluators: [
          { evaluatorId: 'E1', weighted: 60, normalised: 60 },
          { evaluatorId: 'E2', weighted: 40, normalised: 40 },
        ],
        spread: 20,
        disagreement: true,
      },
    ]);
  });

  it('refuses two scores by one evaluator for one entry', () => {
    expect(() => aggregateDeskScores([...scored('E1', [80]), ...scored('E1', [70])], 'none', 10)).toThrow(
      'evaluator E1 has two scores for entry A',
    );
  });
});
