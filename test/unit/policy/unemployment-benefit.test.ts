import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unemploymentBenefitRule } from '../../../src/policy/unemployment-benefit.ts';
import { projectParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { runCaseFile } from '../../support/run-cases.ts';

describe('unemployment-benefit cases', () => {
  runCaseFile('unemployment-benefit', unemploymentBenefitRule);
});

describe('unemployment-benefit rule', () => {
  const params = projectParameters();
  const claim = (contributionMonths: number, carriedOverMonths?: number) =>
    unemploymentBenefitRule.evaluate(
      {
        claimDate: '2024-03-01',
        contributionMonths,
        involuntary: true,
        registeredUnemployed: true,
        carriedOverMonths,
      },
      params,
    );

  it('never grants more than 24 months and never fewer for a longer contribution record', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 30 }),
        (a, b, carried) => {
          const [shorter, longer] = [claim(Math.min(a, b), carried), claim(Math.max(a, b), carried)];
          return (longer.maxMonths as number) <= 24 && (shorter.maxMonths as number) <= (longer.maxMonths as number);
        },
      ),
    );
  });

  it('is eligible exactly when no reason is reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.boolean(), fc.boolean(), (months, involuntary, registeredUnemployed) => {
        const decision = unemploymentBenefitRule.evaluate(
          { claimDate: '2024-03-01', contributionMonths: months, involuntary, registeredUnemployed },
          params,
        );
        return (decision.status === 'eligible') === (decision.reasons.length === 0);
      }),
    );
  });

  it('has no monthly amount for claims before 2024, the year the notice governs', () => {
    const on = (claimDate: string) =>
      unemploymentBenefitRule.evaluate(
        { claimDate, contributionMonths: 100, involuntary: true, registeredUnemployed: true },
        params,
      );
    for (const early of ['2010-05-04', '2023-12-31']) {
      expect(on(early)).toMatchObject({ status: 'ineligible', amountFen: 0, reasons: ['NO_PARAMETER_IN_FORCE'] });
    }
    expect(on('2024-01-01')).toMatchObject({ status: 'eligible', amountFen: 198_000, maxMonths: 18 });
  });
});
