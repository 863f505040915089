/**
 * Exact decimal arithmetic on scores and weights. A number is taken as the decimal it prints as (`84.125`, the
 * shortest text that reads back as the same double), computed on with BigInt and rounded on that decimal, so a
 * published score never carries a binary artefact: 80 × 30% + 81.75 × 70% is 81.225 and rounds to 81.23, where
 * `Math.round(x * 100) / 100` on the float sum (81.22499999999999) gives 81.22.
 */
export interface Decimal {
  /** The value is `digits × 10^-scale`. */
  digits: bigint;
  scale: number;
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`);
  const [, sign, whole, fraction = '', exponent = '0'] = NUMBER_TEXT.exec(String(value))!;
  const scale = fraction.length - Number(exponent);
  const digits = BigInt(sign + whole + fraction);
  return scale >= 0 ? { digits, scale } : { digits: digits * 10n ** BigInt(-scale), scale: 0 };
}

function rescale(value: Decimal, scale: number): bigint {
  return value.digits * 10n ** BigInt(scale - value.scale);
}

export function addDecimals(values: Decimal[]): Decimal {
  const scale = Math.max(0, ...values.map((value) => value.scale));
  return { digits: values.reduce((sum, value) => sum + rescale(value, scale), 0n), scale };
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return { digits: a.digits * b.digits, scale: a.scale + b.scale };
}

/** Divides by 10^places exactly (a percentage is `places = 2`). */
export function shiftDecimal(value: Decimal, places: number): Decimal {
  return { digits: value.digits, scale: value.scale + places };
}

/** To `decimals` places, a half rounded away from zero: 84.125 → 84.13, 84.124999 → 84.12, -0.005 → -0.01. */
export function roundDecimal(value: Decimal, decimals: number): Decimal {
  if (value.scale <= decimals) return { digits: rescale(value, decimals), scale: decimals };
  const divisor = 10n ** BigInt(value.scale - decimals);
  const quotient = value.digits / divisor;
  const remainder = value.digits % divisor;
  const magnitude = remainder < 0n ? -remainder : remainder;
  if (2n * magnitude < divisor) return { digits: quotient, scale: decimals };
  return { digits: quotient + (value.digits < 0n ? -1n : 1n), scale: decimals };
}

/** Exactly `scale` decimals (as the decimal carries them), with `separator` between whole and fraction. */
export function decimalText(value: Decimal, separator: '.' | ',' = '.'): string {
  const negative = value.digits < 0n;
  const text = (negative ? -value.digits : value.digits).toString().padStart(value.scale + 1, '0');
  const whole = text.slice(0, text.length - value.scale);
  const fraction = text.slice(text.length - value.scale);
  return `${negative ? '-' : ''}${whole}${fraction ? separator + fraction : ''}`;
}

/** The double nearest to the decimal; it prints back as the decimal (without trailing zeros). */
export function decimalToNumber(value: Decimal): number {
  return Number(decimalText(value)) || 0;
}

/** `value` rounded to `decimals` places, half away from zero, on its decimal text (see the file's comment). */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  return decimalToNumber(roundDecimal(toDecimal(value), decimals));
}

/** `value` rounded as above and written with exactly `decimals` places: (84.125, 2, ',') → `84,13`. */
export function formatDecimal(value: number, decimals: number, separator: '.' | ','): string {
  return decimalText(roundDecimal(toDecimal(value), decimals), separator);
}
