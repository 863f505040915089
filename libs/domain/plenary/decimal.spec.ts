import { formatDecimal, roundHalfAwayFromZero, toDecimal } from './decimal';

describe('rounding on the decimal a number prints as', () => {
  it('rounds a half away from zero where binary floats would not', () => {
    expect(roundHalfAwayFromZero(84.125, 2)).toBe(84.13);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the artefact this avoids
    expect(roundHalfAwayFromZero(84.124999, 2)).toBe(84.12);
    expect(roundHalfAwayFromZero(-0.005, 2)).toBe(-0.01);
    expect(roundHalfAwayFromZero(-0.004, 2)).toBe(0);
    expect(Object.is(roundHalfAwayFromZero(-0.004, 2), -0)).toBe(false);
  });

  it('reads numbers that print with an exponent', () => {
    expect(toDecimal(1.5e-7)).toEqual({ digits: 15n, scale: 8 });
    expect(toDecimal(1e21)).toEqual({ digits: 10n ** 21n, scale: 0 });
    expect(roundHalfAwayFromZero(5e-7, 6)).toBe(0.000001);
  });

  it('writes exactly the decimals asked for, with the separator asked for', () => {
    expect(formatDecimal(84.125, 2, ',')).toBe('84,13');
    expect(formatDecimal(7, 2, '.')).toBe('7.00');
    expect(formatDecimal(0.5, 2, '.')).toBe('0.50');
    expect(formatDecimal(99.999, 2, '.')).toBe('100.00');
    expect(formatDecimal(-3.14159, 3, '.')).toBe('-3.142');
  });

  it('refuses what is not a finite number', () => {
    expect(() => roundHalfAwayFromZero(NaN, 2)).toThrow('NaN is not a finite number');
    expect(() => formatDecimal(Infinity, 2, '.')).toThrow('Infinity is not a finite number');
  });
});
