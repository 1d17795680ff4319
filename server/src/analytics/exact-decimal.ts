/**
 * Exact decimal arithmetic on the strings the database returns ("21363", "-0.5", "12.0001"), with
 * BigInt, so no binary fraction ever reaches a derived figure. Division rounds half away from zero
 * to a stated number of places.
 */
interface Exact {
  units: bigint;
  scale: number;
}

function parse(text: string): Exact {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`Not a decimal: ${text}`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign ? -units : units, scale: fraction.length };
}

const ten = (power: number) => 10n ** BigInt(power);

function align(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * ten(scale - a.scale), b.units * ten(scale - b.scale), scale];
}

function format({ units, scale }: Exact): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== '0' ? `-${text}` : text;
}

export function add(a: string, b: string): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return format({ units: x + y, scale });
}

export function subtract(a: string, b: string): string {
  const [x, y, scale] = align(parse(a), parse(b));
  return format({ units: x - y, scale });
}

export function compare(a: string, b: string): -1 | 0 | 1 {
  const [x, y] = align(parse(a), parse(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

export const isZero = (a: string) => parse(a).units === 0n;

/** `a ÷ b × factor`, rounded half away from zero to `places` decimals; `b` must not be zero. */
export function divide(a: string, b: string, places: number, factor = 1): string {
  const x = parse(a);
  const y = parse(b);
  if (y.units === 0n) throw new Error('Division by zero');
  const numerator = x.units * BigInt(factor) * ten(y.scale + places);
  const denominator = y.units * ten(x.scale);
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return format({ units: negative ? -rounded : rounded, scale: places });
}
