// Bulk runs decide without a trace; a decision opened later is rebuilt with it. Both must give the same decision.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decideJobRetentionRefund,
  evaluateJobRetentionRefund,
  type JobRetentionRefundInput,
} from '../../../src/policy/job-retention-refund.ts';
import { industries } from '../../../src/policy/core/input-fields.ts';
import { ParameterStore, type ParameterFile } from '../../../src/policy/core/parameters.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { refundInputArb } from '../../support/refund-arbitraries.ts';

const params = loadParameters();

/** The project's parameters with the refund's city choices replaced. */
function withChoices(choices: Record<string, string | boolean>): ParameterStore {
  const files = params.rules().map((f): ParameterFile => {
    if (f.rule !== 'job-retention-refund') return f;
    const replaced = Object.entries(choices).map(([key, value]) => {
      const def = f.parameters[key]!;
      return [key, { ...def, values: def.values.map((v) => ({ ...v, value })) }];
    });
    return { ...f, parameters: { ...f.parameters, ...Object.fromEntries(replaced) } };
  });
  return new ParameterStore(files, 'test');
}

const paramArb = fc.oneof(
  { arbitrary: fc.constant(params), weight: 3 },
  {
    arbitrary: fc
      .record({
        contributionMonthsMode: fc.constantFrom('cumulative', 'consecutive'),
        layoffMethod: fc.constantFrom('net_decrease', 'benefit_claimants', 'either'),
        baseIncludesNextJanuaryPayment: fc.boolean(),
      })
      .map(withChoices),
    weight: 1,
  },
);

/** Inputs that also reach the size derivation (industry and indicators, some missing) and the claimant counts. */
const inputArb: fc.Arbitrary<JobRetentionRefundInput> = fc
  .tuple(
    refundInputArb,
    fc.option(fc.constantFrom(...industries), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 2_000 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  )
  .map(
    ([input, industry, employees, revenueWan, assetsWan, benefitClaimants, monthlyAverage]) =>
      ({
        ...input,
        id: 'U',
        unit: { ...input.unit, ...(industry && { industry, employees, revenueWan, assetsWan }) },
        headcount: { ...input.headcount, benefitClaimants, monthlyAverage },
      }) as JobRetentionRefundInput,
  );

describe('job-retention-refund without its trace', () => {
  it('decides status, amount, reasons and every figure as the traced evaluation does', () => {
    fc.assert(
      fc.property(inputArb, paramArb, (input, store) => {
        const { trace, ...traced } = evaluateJobRetentionRefund(input, store);
        expect(trace.length).toBeGreaterThan(0);
        expect(decideJobRetentionRefund(input, store)).toStrictEqual(traced);
      }),
      { numRuns: 10_000 },
    );
  });
});
