import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dispatchAllocationRule, type Allocation } from '../../../src/policy/dispatch-allocation.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { readCaseFile, runCaseFile } from '../../support/run-cases.ts';
import { dispatchInputArb } from '../../support/refund-arbitraries.ts';

const params = loadParameters();
const caseInput = (id: string) =>
  dispatchAllocationRule.input.parse(readCaseFile('dispatch-allocation').find((c) => c.input.id === id)!.input);
const PUBLIC_SECTOR = new Set(['11371000MB00000000', '12371000MB00000000']);

describe('dispatch-allocation cases', () => {
  runCaseFile('dispatch-allocation', dispatchAllocationRule);
});

describe('dispatch-allocation rule', () => {
  it('judges the dispatch unit on the refund checklist without sending it to review for being a dispatch unit', () => {
    const d = dispatchAllocationRule.evaluate(caseInput('DA-01'), params);
    expect(d.reasons).not.toContain('DISPATCH_MUST_APPLY');
    const steps = d.trace.map((t) => t.step);
    for (const step of ['policyPeriod', 'orgType', 'contributionMonths', 'layoffRate', 'ratio', 'refundBase'])
      expect(steps).toContain(step);
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

  it('allocates to recipients sorted by credit code, each round_half_up(base × ratio) or a fen less, never more than the unit may get', () => {
    let eligible = 0;
    fc.assert(
      fc.property(dispatchInputArb, (input) => {
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
            // amount × 10000 − base × ratio lies in (−1.5, 0.5] fen: half-up, or one fen taken back for the unit's total.
            const twice = 2n * (BigInt(a.amountFen) * 10000n - BigInt(a.baseFen) * BigInt(d.ratioBp as number));
            expect(twice > -30000n && twice <= 10000n).toBe(true);
          }
        }
        if (d.ratioBp !== null) {
          const unitShare = (BigInt(d.baseFen as number) * BigInt(d.ratioBp as number) * 2n + 10000n) / 20000n;
          expect(BigInt(d.amountFen) <= unitShare).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    expect(eligible).toBeGreaterThan(0);
  });

  it('splits exactly the base-year worker contributions paid within the base year, no more and no less', () => {
    fc.assert(
      fc.property(dispatchInputArb, (input) => {
        const d = dispatchAllocationRule.evaluate(input, params);
        const baseYear = String(Number(input.asOf.slice(0, 4)) - 1);
        const paid = input.workerPayments
          .filter((p) => p.period.startsWith(baseYear) && p.paidOn.startsWith(baseYear))
          .reduce((sum, p) => sum + p.amountFen, 0);
        const split = (d.allocations as Allocation[]).reduce((sum, a) => sum + a.baseFen, 0) + (d.excludedBaseFen as number);
        expect(split).toBe(paid);
      }),
      { numRuns: 300 },
    );
  });

  it("pays nothing and asks for review when the worker sheet does not add up to the unit's own payments", () => {
    fc.assert(
      fc.property(dispatchInputArb, (input) => {
        const d = dispatchAllocationRule.evaluate(input, params);
        const split = (d.allocations as Allocation[]).reduce((sum, a) => sum + a.baseFen, 0) + (d.excludedBaseFen as number);
        if (split !== d.baseFen) {
          expect(d.reasons).toContain('WORKER_PAYMENTS_MISMATCH');
          expect(d.status).not.toBe('eligible');
          expect(d.amountFen).toBe(0);
        } else {
          expect(d.reasons).not.toContain('WORKER_PAYMENTS_MISMATCH');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("dispatch-allocation against the unit's own payments", () => {
  const placedAt = (creditCode: string) => ({
    from: '2023-01',
    to: '2023-12',
    userUnit: { creditCode, orgType: 'enterprise' as const },
  });
  /** A small dispatch unit that paid `monthlyFen` for each month of 2023 on the 15th; its workers' sheet is `sheet`. */
  const unitPaying = (monthlyFen: number, sheet: { workerId: string; userUnit: string; fen: number }[]) => ({
    id: 'own-payments',
    asOf: '2024-08-15',
    unit: {
      creditCode: '91371000MA3DP00001',
      orgType: 'enterprise' as const,
      size: 'small' as const,
      laborDispatch: true,
      hasCorporateAccount: true,
    },
    months: Array.from({ length: 12 }, (_, i) => ({ period: `2023-${String(i + 1).padStart(2, '0')}`, dueFen: monthlyFen })),
    payments: Array.from({ length: 12 }, (_, i) => ({
      period: `2023-${String(i + 1).padStart(2, '0')}`,
      paidOn: `2023-${String(i + 1).padStart(2, '0')}-15`,
      amountFen: monthlyFen,
      kind: 'contribution' as const,
    })),
    headcount: { start: 10, end: 10, retiredOrDied: 0 },
    workers: sheet.map((w) => ({ workerId: w.workerId, placements: [placedAt(w.userUnit)] })),
    workerPayments: sheet.map((w) => ({ workerId: w.workerId, period: '2023-06', paidOn: '2023-06-15', amountFen: w.fen })),
  });

  it('does not allocate 7,200 yuan to a unit that paid 1,200 yuan (a sheet of 12,000 yuan goes to review)', () => {
    const d = dispatchAllocationRule.evaluate(
      unitPaying(10_000, [{ workerId: 'W1', userUnit: '91371000MA3YH0000A', fen: 1_200_000 }]),
      params,
    );
    expect(d).toMatchObject({ status: 'needs_review', amountFen: 0, baseFen: 120_000, reasons: ['WORKER_PAYMENTS_MISMATCH'] });
    expect(d.allocations).toEqual([{ recipient: '91371000MA3YH0000A', role: 'user_unit', baseFen: 1_200_000, amountFen: 0 }]);
    expect(d.trace.find((t) => t.step === 'workerPayments')?.text).toBe(
      '劳动者缴费明细合计 12,000.00 元多于单位实缴返还基数 1,200.00 元，明细须为单位实缴费款的分解，暂不分配，须人工复核',
    );
  });

  it('does not let a partial sheet silently shrink the refund', () => {
    const d = dispatchAllocationRule.evaluate(
      unitPaying(10_000, [{ workerId: 'W1', userUnit: '91371000MA3YH0000A', fen: 60_000 }]),
      params,
    );
    expect(d).toMatchObject({ status: 'needs_review', amountFen: 0, reasons: ['WORKER_PAYMENTS_MISMATCH'] });
  });

  it("allocates a sheet that adds up, 60% of each user unit's part", () => {
    const d = dispatchAllocationRule.evaluate(
      unitPaying(10_000, [
        { workerId: 'W1', userUnit: '91371000MA3YH0000A', fen: 70_000 },
        { workerId: 'W2', userUnit: '91371000MA3YH0000B', fen: 50_000 },
      ]),
      params,
    );
    expect(d).toMatchObject({ status: 'eligible', amountFen: 72_000, reasons: [] });
    expect(d.allocations).toEqual([
      { recipient: '91371000MA3YH0000A', role: 'user_unit', baseFen: 70_000, amountFen: 42_000 },
      { recipient: '91371000MA3YH0000B', role: 'user_unit', baseFen: 50_000, amountFen: 30_000 },
    ]);
  });

  it("takes back the fen that separate roundings add beyond the unit's own 60%", () => {
    // 12 fen paid: the unit may get round_half_up(7.2) = 7 fen; shares of 1, 1 and 10 fen round to 1 + 1 + 6 = 8.
    const d = dispatchAllocationRule.evaluate(
      unitPaying(1, [
        { workerId: 'W1', userUnit: '91371000MA3YH0000A', fen: 1 },
        { workerId: 'W2', userUnit: '91371000MA3YH0000B', fen: 1 },
        { workerId: 'W3', userUnit: '91371000MA3YH0000C', fen: 10 },
      ]),
      params,
    );
    expect(d.status).toBe('eligible');
    expect((d.allocations as Allocation[]).map((a) => a.amountFen)).toEqual([0, 1, 6]);
    expect(d.amountFen).toBe(7);
    expect(d.trace.some((t) => t.step === 'roundingAdjusted')).toBe(true);
  });
});
