import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dispatchAllocationRule, type Allocation } from '../../../src/policy/dispatch-allocation.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { readCaseFile, runCaseFile } from '../../support/run-cases.ts';
import { dispatchInputArb } from '../../support/refund-arbitraries.ts';

const params = loadParameters();
const caseInput = (id: string) => dispatchAllocationRule.input.parse(readCaseFile('dispatch-allocation').find((c) => c.input.id === id)!.input);
const PUBLIC_SECTOR = new Set(['11371000MB00000000', '12371000MB00000000']);

describe('dispatch-allocation cases', () => {
  runCaseFile('dispatch-allocation', dispatchAllocationRule);
});

describe('dispatch-allocation rule', () => {
  it('judges the dispatch unit on the refund checklist without sending it to review for being a dispatch unit', () => {
    const d = dispatchAllocationRule.evaluate(caseInput('DA-01'), params);
    expect(d.reasons).not.toContain('DISPATCH_MUST_APPLY');
    const steps = d.trace.map((t) => t.step);
    for (const step of ['policyPeriod', 'orgType', 'contributionMonths', 'layoffRate', 'ratio', 'refundBase']) expect(steps).toContain(step);
  });

  it('writes one trace line per recipient citing 第三条, and one for the excluded public-sector part', () => {
    const d = dispatchAllocationRule.evaluate(caseInput('DA-01'), params);
    const lines = d.trace.filter((t) => t.step.startsWith('allocation.'));
    expect(lines.map((t) => t.step)).toEqual((d.allocations as Allocation[]).map((a) => `allocation.${a.recipient}`));
    expect(lines.every((t) => t.legalBasis === '鲁人社发〔2024〕8号 第三条')).toBe(true);
    expect(lines.map((t) => t.text)).toEqual([
      '劳务派遣单位 威海某劳务派遣有限公司（91371000MA3DP00001）：自有员工及未派遣期间缴费 35.00 元 × 60% = 21.00 元，由劳务派遣单位享受',
      '用工单位 威海甲用工有限公司（91371000MA3YH0000A）：被派遣劳动者缴费 20.00 元 × 60% = 12.00 元，全额拨付用工单位',
      '用工单位 威海乙用工有限公司（91371000MA3YH0000B）：被派遣劳动者缴费 15.00 元 × 60% = 9.00 元，全额拨付用工单位',
    ]);
    const excluded = dispatchAllocationRule.evaluate(caseInput('DA-02'), params).trace.find((t) => t.step === 'excludedBase')!;
    expect(excluded.text).toBe('派遣至机关事业单位的劳动者缴费 50.00 元，不在稳岗返还政策覆盖范围，不予返还');
  });

  it('allocates to recipients sorted by credit code, each round_half_up(base × ratio) when eligible, summing to amountFen', () => {
    let eligible = 0;
    fc.assert(fc.property(dispatchInputArb, (input) => {
      const d = dispatchAllocationRule.evaluate(input, params);
      const allocations = d.allocations as Allocation[];
      expect(d.amountFen).toBe(allocations.reduce((sum, a) => sum + a.amountFen, 0));
      expect(allocations.map((a) => a.recipient)).toEqual(allocations.map((a) => a.recipient).sort());
      expect(d.status === 'eligible').toBe(d.reasons.length === 0);
      if (d.status === 'eligible') eligible++;
      for (const a of allocations) {
        expect(a.baseFen).toBeGreaterThan(0);
        expect(PUBLIC_SECTOR.has(a.recipient)).toBe(false);
        if (d.status !== 'eligible') expect(a.amountFen).toBe(0);
        else {
          const twice = 2n * (BigInt(a.amountFen) * 10000n - BigInt(a.baseFen) * BigInt(d.ratioBp as number));
          expect(twice > -10000n && twice <= 10000n).toBe(true);
        }
      }
    }), { numRuns: 300 });
    expect(eligible).toBeGreaterThan(0);
  });

  it('splits exactly the base-year worker contributions paid within the base year, no more and no less', () => {
    fc.assert(fc.property(dispatchInputArb, (input) => {
      const d = dispatchAllocationRule.evaluate(input, params);
      const baseYear = String(Number(input.asOf.slice(0, 4)) - 1);
      const paid = input.workerPayments
        .filter((p) => p.period.startsWith(baseYear) && p.paidOn.startsWith(baseYear))
        .reduce((sum, p) => sum + p.amountFen, 0);
      const split = (d.allocations as Allocation[]).reduce((sum, a) => sum + a.baseFen, 0) + (d.excludedBaseFen as number);
      expect(split).toBe(paid);
    }), { numRuns: 300 });
  });
});
