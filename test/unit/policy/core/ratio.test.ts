// Layoff rates are compared with the limit and shown exactly: the fast number arithmetic must give what exact bigint
// arithmetic gives, for small headcounts and for figures near and beyond the safe integer range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBpPercent, formatRatio, ratioAtMost } from '../../../../src/policy/core/ratio.ts';

/** The reference: round half-up in bigint, trailing zeros dropped. */
function exactRatio(numerator: bigint, denominator: bigint, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (numerator * scale * 2n + denominator) / (denominator * 2n);
  const fraction = (scaled % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction ? `${scaled / scale}.${fraction}` : `${scaled / scale}`;
}

const counts = fc.oneof(fc.nat(5_000), fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const positive = fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));

describe('ratio arithmetic', () => {
  it('compares a rate with a limit in basis points exactly', () => {
    fc.assert(
      fc.property(counts, positive, fc.nat(10_000), (numerator, denominator, limitBp) => {
        const exact = BigInt(numerator) * 10_000n <= BigInt(limitBp) * BigInt(denominator);
        expect(ratioAtMost(numerator, denominator, limitBp)).toBe(exact);
      }),
      { numRuns: 5_000 },
    );
  });

  it('rounds a rate half-up to the places asked for', () => {
    fc.assert(
      fc.property(counts, positive, fc.integer({ min: 0, max: 6 }), (numerator, denominator, decimals) => {
        expect(formatRatio(numerator, denominator, decimals)).toBe(exactRatio(BigInt(numerator), BigInt(denominator), decimals));
      }),
      { numRuns: 5_000 },
    );
  });

  it('shows the figures a case worker reads', () => {
    expect(formatRatio(11, 200)).toBe('0.055');
    expect(formatRatio(1, 3)).toBe('0.3333');
    expect(formatRatio(2, 3)).toBe('0.6667');
    expect(formatRatio(6, 6)).toBe('1');
    expect(formatBpPercent(550)).toBe('5.5%');
    expect(ratioAtMost(11, 200, 550)).toBe(true);
    expect(ratioAtMost(12, 200, 550)).toBe(false);
    expect(() => formatRatio(1, 0)).toThrow(RangeError);
  });
});
