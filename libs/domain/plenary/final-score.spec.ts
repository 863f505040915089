import { checkWeights, finalScore, type FinalScoreWeights } from './final-score';

const weights = (desk: number, interview: number, fieldVerification = 0): FinalScoreWeights => ({
  desk,
  interview,
  fieldVerification,
});

describe('checkWeights', () => {
  it('accepts percentages that add up to 100, decimals included', () => {
    expect(checkWeights(weights(40, 60))).toEqual([]);
    expect(checkWeights(weights(33.3, 33.3, 33.4))).toEqual([]);
  });

  it('says what the weights add up to when it is not 100', () => {
    expect(checkWeights(weights(40, 50))).toEqual(['weights must add up to 100 (they add up to 90)']);
    expect(checkWeights(weights(50, 50, 10))).toEqual(['weights must add up to 100 (they add up to 110)']);
  });

  it('names a weight that is not a percentage', () => {
    expect(checkWeights(weights(-10, 110))).toEqual([
      'the desk weight must be between 0 and 100 (it is -10)',
      'the interview weight must be between 0 and 100 (it is 110)',
    ]);
    expect(checkWeights(weights(40, NaN, 60))).toEqual(['the interview weight must be a number (it is NaN)']);
  });

  it('wants no field verification weight in a cycle without field verification', () => {
    expect(checkWeights(weights(30, 50, 20), { hasFieldVerification: false })).toEqual([
      'the cycle has no field verification, so its weight must be 0 (it is 20)',
    ]);
    expect(checkWeights(weights(30, 50, 20), { hasFieldVerification: true })).toEqual([]);
  });
});

describe('finalScore', () => {
  it('weighs the components and rounds the exact sum half away from zero to two decimals', () => {
    // 80 × 30% + 81.75 × 70% = 24 + 57.225 = 81.225; the float sum is 81.22499999999999.
    const naive = (80 * 30) / 100 + (81.75 * 70) / 100;
    expect(Math.round(naive * 100) / 100).toBe(81.22); // what float rounding would publish
    expect(finalScore({ desk: 80, interview: 81.75, fieldVerification: null }, weights(30, 70))).toEqual({
      final: 81.23,
      components: { desk: 24, interview: 57.225, fieldVerification: 0 },
      missing: [],
    });
    expect(finalScore({ desk: 84.125, interview: 0, fieldVerification: null }, weights(100, 0)).final).toBe(84.13);
    expect(finalScore({ desk: 84.1249, interview: 0, fieldVerification: null }, weights(100, 0)).final).toBe(84.12);
  });

  it('counts field verification when it carries a weight', () => {
    const result = finalScore({ desk: 90, interview: 80, fieldVerification: 70 }, weights(20, 50, 30));
    expect(result).toEqual({ final: 79, components: { desk: 18, interview: 40, fieldVerification: 21 }, missing: [] });
  });

  it('gives no final score to an entry without an interview score, and says so', () => {
    const result = finalScore({ desk: 88.5, interview: null, fieldVerification: null }, weights(40, 60));
    expect(result).toEqual({
      final: null,
      components: { desk: 35.4, interview: null, fieldVerification: 0 },
      missing: ['interview'],
    });
  });

  it('lists every missing component that carries a weight', () => {
    const result = finalScore({ desk: null, interview: null, fieldVerification: null }, weights(20, 50, 30));
    expect(result.missing).toEqual(['desk', 'interview', 'fieldVerification']);
  });

  it('refuses scores outside 0–100 and weights that do not add up', () => {
    expect(() => finalScore({ desk: 101, interview: 80, fieldVerification: null }, weights(40, 60))).toThrow(
      'the desk score 101 is outside 0–100',
    );
    expect(() => finalScore({ desk: 80, interview: 80, fieldVerification: null }, weights(40, 50))).toThrow(
      'weights must add up to 100 (they add up to 90)',
    );
  });
});
