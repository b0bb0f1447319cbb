import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { jobRetentionRefundRule, type JobRetentionRefundInput } from '../../../src/policy/job-retention-refund.ts';
import { exclusionFlags } from '../../../src/policy/refund/refund-input.ts';
import { ParameterStore, type ParameterFile } from '../../../src/policy/core/parameters.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { readCaseFile, runCaseFile } from '../../support/run-cases.ts';
import { refundInputArb } from '../../support/refund-arbitraries.ts';

const params = loadParameters();
const evaluate = (input: JobRetentionRefundInput, store = params) => jobRetentionRefundRule.evaluate(input, store);
const caseInput = (id: string) =>
  jobRetentionRefundRule.input.parse(readCaseFile('job-retention-refund').find((c) => c.input.id === id)!.input);

/** The project's parameters with one value replaced (for a city that chose another default). */
function withParameter(key: string, value: string | boolean): ParameterStore {
  const files = params.rules().map((f): ParameterFile => {
    const def = f.parameters[key];
    if (f.rule !== 'job-retention-refund' || !def) return f;
    return { ...f, parameters: { ...f.parameters, [key]: { ...def, values: def.values.map((v) => ({ ...v, value })) } } };
  });
  return new ParameterStore(files, 'test');
}

describe('job-retention-refund cases', () => {
  runCaseFile('job-retention-refund', jobRetentionRefundRule);
});

describe('job-retention-refund trace', () => {
  it('shows every condition and value of an eligible unit, each citing its legal basis in Chinese', () => {
    const d = evaluate(caseInput('JR-01'));
    expect(d.trace.map((t) => t.step)).toEqual([
      'policyPeriod',
      'orgType',
      'exclusion.serious_dishonesty',
      'exclusion.zombie',
      'exclusion.deregistered',
      'exclusion.bankruptcy',
      'contributionMonthsMode',
      'contributionMonths',
      'layoffMethod',
      'layoffBasis',
      'layoffRate',
      'size',
      'ratio',
      'baseIncludesNextJanuaryPayment',
      'refundBase',
      'payTo',
      'laborDispatch',
      'amount',
    ]);
    for (const t of d.trace) {
      expect(t.legalBasis).toMatch(/〔\d{4}〕\d+号 第[一二三四五六七八九]条/);
      expect(t.text).toMatch(/[\u4e00-\u9fff]/);
    }
    const text = (step: string) => d.trace.find((t) => t.step === step)!.text;
    expect(text('contributionMonths')).toBe('足额缴费月数 19 ≥ 12（累计），符合');
    expect(text('amount')).toBe('返还金额 = 3,000.00 元 × 60% = 1,800.00 元');
    expect(text('refundBase')).toContain('3,000.00 元');
    expect(text('payTo')).toBe('返还至单位对公账户');
    expect(d.trace.find((t) => t.step === 'ratio')).toMatchObject({ parameter: 'job-retention-refund.smeRatioBp', value: 6000 });
  });

  it('states the layoff rate against its limit with the counts behind it', () => {
    const d = evaluate(caseInput('JR-03'));
    expect(d.trace.find((t) => t.step === 'layoffRate')).toMatchObject({
      passed: true,
      value: '0.055',
      threshold: 550,
      parameter: 'job-retention-refund.layoffRateLimitBp',
      text: '裁员率 5.5% ≤ 5.5%（裁员 11 人／基数 200 人），符合',
    });
    const small = evaluate(caseInput('JR-08'));
    expect(small.trace.find((t) => t.step === 'layoffRate')!.text).toBe('裁员率 23.33% > 20%（裁员 7 人／基数 30 人），不符合');
  });

  it('names what was left out of the refund base', () => {
    const text = (id: string) => evaluate(caseInput(id)).trace.find((t) => t.step === 'refundBase')!.text;
    expect(text('JR-19')).toContain('2023年内补缴以前年度欠费 500.00 元');
    expect(text('JR-20')).toContain('2023年度费款于2024年及以后补缴 200.00 元');
    expect(text('JR-21')).toContain('滞纳金 10.00 元');
  });

  it('derives the size in the trace when the unit record has none', () => {
    const d = evaluate(caseInput('JR-31'));
    const size = d.trace.filter((t) => t.step.startsWith('size'));
    expect(size.at(-1)!.text).toBe('按工业划型标准，企业规模为大型企业');
    expect(size.every((t) => t.legalBasis.includes('工信部联企业〔2011〕300号'))).toBe(true);
  });
});

describe('job-retention-refund rule', () => {
  it('outside the policy period reports NOT_IN_POLICY_PERIOD alone, with the conditions that need no parameter', () => {
    const late = evaluate(caseInput('JR-42'));
    expect(late.reasons).toEqual(['NOT_IN_POLICY_PERIOD']);
    expect(late.trace.find((t) => t.step === 'policyPeriod')!.text).toBe(
      '审核日期 2025年3月10日，稳岗返还政策执行期 2024年1月1日至2024年12月31日，不符合',
    );
    const agency = evaluate({
      ...caseInput('JR-42'),
      unit: { ...caseInput('JR-42').unit, orgType: 'government_agency', flags: ['bankruptcy'] },
    });
    expect(agency.reasons).toEqual(['NOT_IN_POLICY_PERIOD', 'ORG_TYPE_NOT_COVERED', 'IN_BANKRUPTCY']);
  });

  it('counts the longest run of fully paid months when the city chooses consecutive months', () => {
    const consecutive = withParameter('contributionMonthsMode', 'consecutive');
    const base = caseInput('JR-01');
    const skip = (period: string) => ({ ...base, payments: base.payments.filter((p) => p.period !== period) });
    // A gap in 2023-07 leaves 2023-08 … 2024-07: 12 consecutive months; a gap in 2023-09 leaves at most 10.
    expect(evaluate(skip('2023-07'), consecutive)).toMatchObject({ status: 'eligible', fullMonths: 12 });
    expect(evaluate(skip('2023-09'), consecutive)).toMatchObject({
      status: 'ineligible',
      fullMonths: 10,
      reasons: ['CONTRIBUTION_MONTHS_INSUFFICIENT'],
    });
    expect(evaluate(skip('2023-09'))).toMatchObject({ status: 'eligible', fullMonths: 18 });
  });

  it('measures layoffs by new benefit claimants over the monthly average when the city chooses that method', () => {
    const claimants = withParameter('layoffMethod', 'benefit_claimants');
    const base = caseInput('JR-01');
    const withCounts = (benefitClaimants?: number, monthlyAverage?: number) =>
      evaluate({ ...base, headcount: { ...base.headcount, benefitClaimants, monthlyAverage } }, claimants);
    expect(withCounts(11, 200)).toMatchObject({ status: 'eligible', layoffs: 11, layoffRate: '0.055' });
    expect(withCounts(12, 200)).toMatchObject({ status: 'ineligible', reasons: ['LAYOFF_RATE_EXCEEDED'] });
    expect(withCounts(6, 30)).toMatchObject({ status: 'eligible', layoffRate: '0.2' });
    expect(withCounts(undefined, 200)).toMatchObject({ status: 'needs_review', reasons: ['HEADCOUNT_UNKNOWN'], layoffs: null });
  });

  it('qualifies a unit under the either method when one of the two measures is within the limit', () => {
    const either = withParameter('layoffMethod', 'either');
    const base = caseInput('JR-01');
    const withCounts = (end: number, benefitClaimants?: number, monthlyAverage?: number) =>
      evaluate({ ...base, headcount: { start: 200, end, retiredOrDied: 0, benefitClaimants, monthlyAverage } }, either);
    // Net decrease 20/200 = 10% fails, claimants 5/200 = 2.5% passes: eligible on the second measure.
    expect(withCounts(180, 5, 200)).toMatchObject({ status: 'eligible', layoffs: 5, layoffRate: '0.025' });
    // Both fail: the first measure is reported.
    expect(withCounts(180, 30, 200)).toMatchObject({ status: 'ineligible', layoffs: 20, reasons: ['LAYOFF_RATE_EXCEEDED'] });
    // Claimant counts missing: the net decrease alone decides.
    expect(withCounts(195)).toMatchObject({ status: 'eligible', layoffs: 5 });
  });

  it('counts a base-year month paid in the next January only where the city reads the base that way', () => {
    const base = caseInput('JR-01');
    const decemberInJanuary = {
      ...base,
      payments: base.payments.map((p) => (p.period === '2023-12' ? { ...p, paidOn: '2024-01-10' } : p)),
    };
    const strict = evaluate(decemberInJanuary);
    const lenient = evaluate(decemberInJanuary, withParameter('baseIncludesNextJanuaryPayment', true));
    expect((lenient.baseFen as number) - (strict.baseFen as number)).toBe(
      base.payments.find((p) => p.period === '2023-12')!.amountFen,
    );
    expect(strict.trace.find((t) => t.step === 'refundBase')!.text).toContain('于2024年及以后补缴');
    expect(lenient.trace.find((t) => t.step === 'refundBase')!.text).toContain('于2023年内或2024年1月实际缴纳');
  });

  it('refunds an industrial unit of 5 staff with no revenue figure at the SME ratio instead of sending it to review', () => {
    const base = caseInput('JR-01');
    const d = evaluate({ ...base, unit: { ...base.unit, size: undefined, industry: 'industrial', employees: 5 } });
    expect(d).toMatchObject({ status: 'eligible', size: 'micro', sizeClass: 'sme', ratioBp: 6000, reasons: [] });
  });

  it('pays into the contribution account only small and micro units and individual businesses without a corporate account', () => {
    const base = caseInput('JR-01');
    const without = (unit: Partial<typeof base.unit>) =>
      evaluate({ ...base, unit: { ...base.unit, hasCorporateAccount: false, ...unit } });
    for (const size of ['medium', 'large'] as const) {
      expect(without({ size })).toMatchObject({
        status: 'needs_review',
        amountFen: 0,
        payTo: null,
        reasons: ['NO_CORPORATE_ACCOUNT'],
      });
    }
    expect(without({ size: undefined, orgType: 'law_firm' })).toMatchObject({
      status: 'needs_review',
      payTo: null,
      reasons: ['NO_CORPORATE_ACCOUNT'],
    });
    for (const unit of [
      { size: 'small' as const },
      { size: 'micro' as const },
      { size: undefined, orgType: 'individual_business' as const },
    ]) {
      expect(without(unit)).toMatchObject({ status: 'eligible', payTo: 'contribution_account', reasons: [] });
    }
    fc.assert(
      fc.property(refundInputArb, (input) => {
        const d = evaluate(input);
        const mayUseContributionAccount =
          input.unit.orgType === 'individual_business' || d.size === 'small' || d.size === 'micro';
        if (d.payTo === 'contribution_account')
          expect(input.unit.hasCorporateAccount === false && mayUseContributionAccount).toBe(true);
        if (input.unit.hasCorporateAccount === false && !mayUseContributionAccount) {
          expect(d.payTo).toBeNull();
          expect(d.reasons).toContain('NO_CORPORATE_ACCOUNT');
          expect(d.amountFen).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is eligible exactly when no reason is given, and only then pays', () => {
    fc.assert(
      fc.property(refundInputArb, (input) => {
        const d = evaluate(input);
        expect(d.status === 'eligible').toBe(d.reasons.length === 0);
        if (d.status !== 'eligible') expect(d.amountFen).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('pays round_half_up(base × ratio), the base being base-year contributions paid within the base year', () => {
    let eligible = 0;
    fc.assert(
      fc.property(refundInputArb, (input) => {
        const d = evaluate(input);
        const baseYear = String(Number(input.asOf.slice(0, 4)) - 1);
        const base = input.payments
          .filter((p) => p.kind === 'contribution' && p.period.startsWith(baseYear) && p.paidOn.startsWith(baseYear))
          .reduce((sum, p) => sum + p.amountFen, 0);
        expect(d.baseFen).toBe(base);
        if (d.status === 'eligible') {
          eligible++;
          // amount × 10000 lies within half a fen of base × ratio, and an exact half rounds up.
          const twice = 2n * (BigInt(d.amountFen) * 10000n - BigInt(base) * BigInt(d.ratioBp as number));
          expect(twice > -10000n && twice <= 10000n).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(eligible).toBeGreaterThan(0);
  });

  it('never pays more after an exclusion flag is added', () => {
    fc.assert(
      fc.property(refundInputArb, fc.constantFrom(...exclusionFlags), (input, flag) => {
        const flagged = evaluate({ ...input, unit: { ...input.unit, flags: [...(input.unit.flags ?? []), flag] } });
        expect(flagged.amountFen).toBeLessThanOrEqual(evaluate(input).amountFen);
        expect(flagged.status).toBe('ineligible');
      }),
      { numRuns: 200 },
    );
  });
});
