import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { enterpriseSizeRule, type SizeTable } from '../../../src/policy/enterprise-size.ts';
import { industries, type EnterpriseSize } from '../../../src/policy/core/input-fields.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { runCaseFile } from '../../support/run-cases.ts';

const params = loadParameters();
const RANK: Record<EnterpriseSize, number> = { micro: 0, small: 1, medium: 2, large: 3 };

describe('enterprise-size cases', () => {
  runCaseFile('enterprise-size', enterpriseSizeRule);
});

describe('enterprise-size standard (工信部联企业〔2011〕300号)', () => {
  const table = params.latest<SizeTable>('enterprise-size', 'thresholds');

  it('has a row for every industry key, each tier using the same indicators with bounds falling from large to small', () => {
    expect(Object.keys(table.value).sort()).toEqual([...industries].sort());
    for (const row of Object.values(table.value)) {
      const indicators = Object.keys(row.large).sort();
      expect(Object.keys(row.medium).sort()).toEqual(indicators);
      expect(Object.keys(row.small).sort()).toEqual(indicators);
      for (const k of indicators as (keyof typeof row.large)[]) {
        expect(row.large[k]!).toBeGreaterThan(row.medium[k]!);
        expect(row.medium[k]!).toBeGreaterThan(row.small[k]!);
      }
    }
    expect(table.from).toBe('2011-06-18');
    expect(table.to).toBeNull();
  });

  it('traces each tier tested, citing the standard in Chinese', () => {
    const d = enterpriseSizeRule.evaluate({ industry: 'catering', employees: 120, revenueWan: 2500 }, params);
    expect(d.trace.map((t) => t.step)).toEqual(['sizeIndicators', 'sizeStandard.large', 'sizeStandard.medium', 'size']);
    for (const t of d.trace) {
      expect(t.legalBasis).toContain('工信部联企业〔2011〕300号');
      expect(t.text).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(d.trace[1]!.text).toBe('大型企业标准（从业人员 ≥ 300 人 且 营业收入 ≥ 10000 万元）：未达到');
    expect(d.trace.at(-1)!.text).toBe('按餐饮业划型标准，企业规模为中型企业');
  });

  it('names the missing indicator when the size cannot be derived', () => {
    const d = enterpriseSizeRule.evaluate({ industry: 'leasing_business', employees: 50 }, params);
    expect(d.status).toBe('needs_review');
    expect(d.trace).toHaveLength(1);
    expect(d.trace[0]).toMatchObject({ step: 'size', passed: null });
    expect(d.trace[0]!.text).toContain('缺少资产总额');
  });

  it('never gives a smaller size when every indicator grows', () => {
    const indicator = fc.option(fc.double({ min: 0, max: 300_000, noNaN: true }), { nil: undefined });
    fc.assert(fc.property(
      fc.constantFrom(...industries), indicator, indicator, indicator, fc.double({ min: 0, max: 1000, noNaN: true }),
      (industry, employees, revenueWan, assetsWan, growth) => {
        const employeesInt = employees === undefined ? undefined : Math.floor(employees);
        const before = enterpriseSizeRule.evaluate({ industry, employees: employeesInt, revenueWan, assetsWan }, params);
        const after = enterpriseSizeRule.evaluate({
          industry,
          employees: employeesInt === undefined ? undefined : employeesInt + Math.floor(growth),
          revenueWan: revenueWan === undefined ? undefined : revenueWan + growth,
          assetsWan: assetsWan === undefined ? undefined : assetsWan + growth,
        }, params);
        expect(after.status).toBe(before.status);
        if (before.size !== null) expect(RANK[after.size as EnterpriseSize]).toBeGreaterThanOrEqual(RANK[before.size as EnterpriseSize]);
        expect((before.status === 'eligible') === (before.reasons.length === 0)).toBe(true);
      },
    ));
  });
});
