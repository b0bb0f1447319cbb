// Exact comparison and display of ratios (never floating point).
import type { BasisPoints } from './money.ts';

/** numerator / denominator ≤ bp / 10000, compared exactly in integers. Denominator must be positive. */
export function ratioAtMost(numerator: number, denominator: number, limitBp: BasisPoints): boolean {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  return BigInt(numerator) * 10_000n <= BigInt(limitBp) * BigInt(denominator);
}

/** numerator / denominator as a decimal string rounded half-up to `decimals` places, trailing zeros dropped. */
export function formatRatio(numerator: number, denominator: number, decimals = 4): string {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const scale = 10n ** BigInt(decimals);
  const scaled = (BigInt(numerator) * scale * 2n + BigInt(denominator)) / (BigInt(denominator) * 2n);
  const whole = scaled / scale;
  const fraction = (scaled % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** Basis points as a percentage for people, e.g. 550 → "5.5%". */
export function formatBpPercent(bp: BasisPoints): string {
  return `${formatRatio(bp, 100, 2)}%`;
}

/** A ratio as a percentage for people, e.g. 11/200 → "5.5%". */
export function formatPercent(numerator: number, denominator: number): string {
  return `${formatRatio(numerator * 100, denominator, 2)}%`;
}
