import { describe, it } from 'vitest';
import fc from 'fast-check';
import { contributionRule } from '../../../src/policy/contribution.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { runCaseFile } from '../../support/run-cases.ts';

describe('contribution cases', () => {
  runCaseFile('contribution', contributionRule);
});

describe('contribution rule', () => {
  it('rounds each share to the nearest fen (halves up) and totals the two shares', () => {
    const params = projectParameters();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (wageBaseFen) => {
        const d = contributionRule.evaluate({ period: '2024-07', wageBaseFen }, params);
        // unit − base × 0.7% lies in (−0.5, 0.5] fen: 2 × (unit × 10000 − base × 70) ∈ (−10000, 10000].
        const unitError = 2n * (BigInt(d.unitFen as number) * 10000n - BigInt(wageBaseFen) * 70n);
        const personError = 2n * (BigInt(d.personFen as number) * 10000n - BigInt(wageBaseFen) * 30n);
        const near = (e: bigint) => e > -10000n && e <= 10000n;
        return near(unitError) && near(personError) && d.totalFen === (d.unitFen as number) + (d.personFen as number);
      }),
    );
  });
});
