import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spendingCapRule } from '../../../src/policy/spending-cap.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { runCaseFile } from '../../support/run-cases.ts';

describe('spending-cap cases', () => {
  runCaseFile('spending-cap', spendingCapRule);
});

describe('spending-cap rule', () => {
  const params = projectParameters();
  const money = fc.integer({ min: 0, max: 10 ** 13 });

  it('never allows committed + request above the cap, and the cap never exceeds 15% of the balance', () => {
    fc.assert(
      fc.property(money, money, money, fc.boolean(), (sealedBalanceFen, committedFen, requestFen, planFiled) => {
        const d = spendingCapRule.evaluate({ sealedBalanceFen, committedFen, requestFen, planFiled }, params);
        const cap = d.capFen as number;
        const capIsFloorOf15Percent =
          BigInt(cap) * 10000n <= BigInt(sealedBalanceFen) * 1500n && BigInt(cap + 1) * 10000n > BigInt(sealedBalanceFen) * 1500n;
        const allowed = d.status === 'eligible';
        return (
          capIsFloorOf15Percent &&
          (!allowed ||
            (committedFen + requestFen <= cap && planFiled && d.amountFen === requestFen && (d.remainingFen as number) >= 0)) &&
          (allowed || d.amountFen === 0)
        );
      }),
    );
  });

  it('allows a request that fits the cap when the plan is filed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.nat(), fc.nat(), (balance, a, b) => {
        const cap = Number((BigInt(balance) * 1500n) / 10000n);
        const committedFen = a % (cap + 1);
        const requestFen = b % (cap - committedFen + 1);
        const d = spendingCapRule.evaluate({ sealedBalanceFen: balance, committedFen, requestFen, planFiled: true }, params);
        return d.status === 'eligible' && d.remainingFen === cap - committedFen - requestFen;
      }),
    );
  });

  it('never reports negative headroom, and refuses every request once the committed total is over the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.nat(),
        (balance, over, requestFen) => {
          const cap = Number((BigInt(balance) * 1500n) / 10000n);
          const d = spendingCapRule.evaluate(
            { sealedBalanceFen: balance, committedFen: cap + over, requestFen, planFiled: true },
            params,
          );
          return d.status === 'ineligible' && d.reasons.includes('CAP_EXCEEDED') && d.remainingFen === 0 && d.amountFen === 0;
        },
      ),
    );
  });

  it('reports zero headroom, not a negative figure, for a known over-committed city', () => {
    // 15% of 1,000,000.00 yuan is 150,000.00 yuan; 160,000.00 yuan already committed.
    const d = spendingCapRule.evaluate(
      { sealedBalanceFen: 100_000_000, committedFen: 16_000_000, requestFen: 0, planFiled: true },
      params,
    );
    expect(d).toMatchObject({ status: 'ineligible', capFen: 15_000_000, remainingFen: 0, reasons: ['CAP_EXCEEDED'] });
  });
});
