// Exact comparison and display of ratios (never floating point).
import type { BasisPoints } from './money.ts';

/** numerator / denominator ≤ bp / 10000, compared exactly in integers. Denominator must be positive. */
export function ratioAtMost(numerator: number, denominator: number, limitBp: BasisPoints): boolean {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const left = numerator * 10_000;
  const right = limitBp * denominator;
  // Products within the safe integer range are exact in numbers; beyond it, in bigint.
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left <= right;
  return BigInt(numerator) * 10_000n <= BigInt(limitBp) * BigInt(denominator);
}

/** numerator / denominator as a decimal string rounded half-up to `decimals` places, trailing zeros dropped. */
export function formatRatio(numerator: number, denominator: number, decimals = 4): string {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const scale = 10 ** decimals;
  const dividend = numerator * scale * 2 + denominator;
  const divisor = denominator * 2;
  const scaled =
    Number.isSafeInteger(dividend) && Number.isSafeInteger(divisor)
      ? floorDivide(dividend, divisor)
      : (BigInt(numerator) * 10n ** BigInt(decimals) * 2n + BigInt(denominator)) / (BigInt(denominator) * 2n);
  const [whole, rest] =
    typeof scaled === 'number'
      ? [(scaled - (scaled % scale)) / scale, scaled % scale]
      : [scaled / 10n ** BigInt(decimals), scaled % 10n ** BigInt(decimals)];
  const fraction = rest.toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** ⌊dividend / divisor⌋ of non-negative safe integers, exact (the float quotient corrected by one either way). */
function floorDivide(dividend: number, divisor: number): number {
  let quotient = Math.floor(dividend / divisor);
  if (quotient * divisor > dividend) quotient -= 1;
  else if ((quotient + 1) * divisor <= dividend) quotient += 1;
  return quotient;
}

/** Basis points as a percentage for people, e.g. 550 → "5.5%". */
export function formatBpPercent(bp: BasisPoints): string {
  return `${formatRatio(bp, 100, 2)}%`;
}

/** A ratio as a percentage for people, e.g. 11/200 → "5.5%". */
export function formatPercent(numerator: number, denominator: number): string {
  return `${formatRatio(numerator * 100, denominator, 2)}%`;
}
