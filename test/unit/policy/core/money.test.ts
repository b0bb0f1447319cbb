import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCapFloor, applyRatioHalfUp, divideHalfUp, formatYuan, sumFen } from '../../../../src/policy/core/money.ts';

describe('money', () => {
  it('rounds a ratio half-up to the fen exactly at .5', () => {
    expect(applyRatioHalfUp(25, 3000)).toBe(8); // 7.5 fen → 8
    expect(applyRatioHalfUp(24, 3000)).toBe(7); // 7.2 fen → 7
    expect(applyRatioHalfUp(300000, 6000)).toBe(180000);
  });

  it('rounds a cap down so it never exceeds the law', () => {
    expect(applyCapFloor(200000006, 1500)).toBe(30000000); // 30000000.9 → 30000000
    expect(applyCapFloor(200000000, 1500)).toBe(30000000);
  });

  it('is exact where floating point is not', () => {
    // 1.005 yuan × 50% in floating point drifts; integers do not.
    expect(applyRatioHalfUp(201, 5000)).toBe(101);
    expect(applyRatioHalfUp(Number.MAX_SAFE_INTEGER - 1, 10000)).toBe(Number.MAX_SAFE_INTEGER - 1);
  });

  it('refuses fractional fen', () => {
    expect(() => applyRatioHalfUp(10.5, 6000)).toThrow(RangeError);
    expect(() => sumFen([1, 0.1])).toThrow(RangeError);
  });

  it('formats yuan with thousands separators and two decimals', () => {
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1050)).toBe('-10.50');
  });

  it('half-up division matches the textbook definition for any inputs', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const q = divideHalfUp(n, d);
        // q is the nearest integer to n/d, ties going up: n/d − q lies in [−½, ½): a tie rounds up.
        const twiceRemainder = 2n * (n - q * d);
        expect(twiceRemainder >= -d && twiceRemainder < d).toBe(true);
      }),
    );
  });

  it('a ratio never pays more than the base and a cap never exceeds the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 10000 }), (base, bp) => {
        expect(applyRatioHalfUp(base, bp)).toBeLessThanOrEqual(base);
        expect(applyCapFloor(base, bp) * 10000).toBeLessThanOrEqual(base * bp);
      }),
    );
  });
});
