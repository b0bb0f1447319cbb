import { describe, expect, it } from 'vitest';
import { projectParameters } from '../../../../src/adapters/parameters/load-parameters.ts';
import { evaluateJobRetentionRefund } from '../../../../src/policy/job-retention-refund.ts';
import { refundCounterfactual } from '../../../../src/policy/simulation/counterfactual.ts';
import { PERIODS, refundCase } from './refund-cases.ts';

const params = projectParameters();

describe('counterfactuals of a refund decision', () => {
  it('an eligible decision has nothing to flip', () => {
    expect(refundCounterfactual(refundCase(), params)).toBeNull();
  });

  it('a layoff rate of 6.5% needs 2 fewer layoffs: the changed figures are eligible and one layoff less is not', () => {
    // 200 insured at the start and 187 at the end: 13 laid off, 6.5%; the 5.5% limit allows 11 of 200.
    const input = refundCase({ headcount: { start: 200, end: 187, retiredOrDied: 0 } });
    expect(evaluateJobRetentionRefund(input, params).reasons).toEqual(['LAYOFF_RATE_EXCEEDED']);
    const answer = refundCounterfactual(input, params)!;
    expect(answer.remedies).toEqual([
      { reason: 'LAYOFF_RATE_EXCEEDED', kind: 'change', text: '裁员率 6.5% — 少裁减 2 人即符合条件' },
    ]);
    expect(answer.flipped?.status).toBe('eligible');
    expect(evaluateJobRetentionRefund(answer.flipped!.input, params).status).toBe('eligible');
    const oneLess = refundCase({ headcount: { start: 200, end: 188, retiredOrDied: 0 } });
    expect(evaluateJobRetentionRefund(oneLess, params).status).toBe('ineligible');
  });

  it('nine months paid in full needs three more; two more are not enough', () => {
    // Paid: Jan–Sep 2023 only (nine months), so the 2023 base is 9 × 2,000 yuan and the 12-month test fails.
    const paid = PERIODS.slice(0, 9);
    const input = refundCase({ paidPeriods: paid });
    expect(evaluateJobRetentionRefund(input, params).reasons).toEqual(['CONTRIBUTION_MONTHS_INSUFFICIENT']);
    const answer = refundCounterfactual(input, params)!;
    expect(answer.remedies[0]).toMatchObject({ reason: 'CONTRIBUTION_MONTHS_INSUFFICIENT', kind: 'change' });
    expect(answer.remedies[0]!.text).toContain('目前足额缴费 9 个月 — 还需足额缴费 3 个月');
    const flipped = evaluateJobRetentionRefund(answer.flipped!.input, params);
    expect([flipped.status, flipped.fullMonths]).toEqual(['eligible', 12]);
    expect(flipped.amountFen).toBe((9 * 200_000 * 6) / 10);
    const twoMore = refundCase({ paidPeriods: [...paid, ...PERIODS.slice(-2)] });
    expect(evaluateJobRetentionRefund(twoMore, params).status).toBe('ineligible');
  });

  it('two failed conditions are remedied together and the result re-evaluated', () => {
    const input = refundCase({ paidPeriods: PERIODS.slice(0, 10), headcount: { start: 100, end: 90, retiredOrDied: 0 } });
    const answer = refundCounterfactual(input, params)!;
    expect(answer.remedies.map((r) => r.reason).sort()).toEqual(['CONTRIBUTION_MONTHS_INSUFFICIENT', 'LAYOFF_RATE_EXCEEDED']);
    expect(answer.remedies.find((r) => r.reason === 'LAYOFF_RATE_EXCEEDED')!.text).toBe('裁员率 10% — 少裁减 5 人即符合条件');
    expect(evaluateJobRetentionRefund(answer.flipped!.input, params).status).toBe('eligible');
  });

  it('a condition the unit cannot change is said so, with no flipped figures', () => {
    const input = { ...refundCase(), unit: { ...refundCase().unit, orgType: 'public_institution' as const } };
    const answer = refundCounterfactual(input, params)!;
    expect(answer.remedies).toEqual([expect.objectContaining({ reason: 'ORG_TYPE_NOT_COVERED', kind: 'fixed' })]);
    expect(answer.flipped).toBeUndefined();
  });
});
