// The screening reads each unit's dues and receipts as one text; the months and receipts split from it must be
// exactly the rows written, whatever the amounts, kinds and dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsFromText, receiptsFromText } from '../../../src/services/screening/ledger-text.ts';

const period = fc
  .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const date = fc.tuple(period, fc.integer({ min: 1, max: 28 })).map(([p, d]) => `${p}-${String(d).padStart(2, '0')}`);
const fen = fc.oneof(fc.nat(10_000_000), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
const receipt = fc.record({
  period,
  paidOn: date,
  amountFen: fen,
  kind: fc.constantFrom('contribution' as const, 'late_fee' as const),
});

describe('ledger texts', () => {
  it('gives back every receipt as written, in order', () => {
    fc.assert(
      fc.property(fc.array(receipt, { maxLength: 40 }), (receipts) => {
        const text = receipts.map((r) => `${r.period} ${r.paidOn} ${r.amountFen} ${r.kind}`).join(';');
        expect(receiptsFromText(text)).toEqual(receipts);
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives back every month due as written', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ period, dueFen: fen }), { maxLength: 40 }), (months) => {
        expect(monthsFromText(months.map((m) => `${m.period} ${m.dueFen}`).join(';'))).toEqual(months);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads a unit without rows as none, and a month and a date that share digits apart', () => {
    expect(receiptsFromText('')).toEqual([]);
    expect(monthsFromText('')).toEqual([]);
    expect(receiptsFromText('2023-01 2023-01-20 150000 contribution;2023-01 2023-02-01 300 late_fee')).toEqual([
      { period: '2023-01', paidOn: '2023-01-20', amountFen: 150_000, kind: 'contribution' },
      { period: '2023-01', paidOn: '2023-02-01', amountFen: 300, kind: 'late_fee' },
    ]);
    expect(monthsFromText('2023-12 1;2024-01 0')).toEqual([
      { period: '2023-12', dueFen: 1 },
      { period: '2024-01', dueFen: 0 },
    ]);
  });
});
