import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkIdNumber } from '../../../src/policy/identifier.ts';
import { IdNumberAllocator, makeCreditCode } from '../../../src/demo/generate/identifiers.ts';

describe('generated identifiers', () => {
  it('gives every unit a distinct, valid credit code with its type prefix and region digits', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const code = makeCreditCode(i % 2 ? 'enterprise' : 'social_organization', '371082', i, 12345);
      expect(checkCreditCode(code)).toEqual([]);
      expect(code.slice(0, 2)).toBe(i % 2 ? '91' : '51');
      expect(code.slice(2, 8)).toBe('371082');
      codes.add(code);
    }
    expect(codes.size).toBe(20_000);
  });

  it('never repeats an ID number, moving to the next day when a day runs out of order codes', () => {
    const ids = new IdNumberAllocator();
    const seen = new Set<string>();
    for (let i = 0; i < 1_200; i++) {
      const { idNumber, birthDate } = ids.allocate('371002', '1990-02-28', true);
      expect(checkIdNumber(idNumber)).toEqual([]);
      expect(idNumber.slice(6, 14)).toBe(birthDate.replaceAll('-', ''));
      expect(Number(idNumber[16]) % 2).toBe(1); // odd order code: male
      seen.add(idNumber);
    }
    expect(seen.size).toBe(1_200);
    expect(ids.allocate('371002', '1990-02-28', false).idNumber.slice(6, 14)).toBe('19900228');
    // 500 men fit on each day: 1,200 filled 02-28 and 03-01 and part of 03-02.
    expect(ids.allocate('371002', '1990-02-28', true).birthDate).toBe('1990-03-02');
  });
});
