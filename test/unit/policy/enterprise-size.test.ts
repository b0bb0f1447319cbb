import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { enterpriseSizeRule, sizeParameters } from '../../../src/policy/enterprise-size.ts';
import { industries, type EnterpriseSize } from '../../../src/policy/core/input-fields.ts';
import { loadParameters } from '../../../src/adapters/parameters/load-parameters.ts';
import { runCaseFile } from '../../support/run-cases.ts';

const params = loadParameters();
const RANK: Record<EnterpriseSize, number> = { micro: 0, small: 1, medium: 2, large: 3 };

describe('enterprise-size cases', () => {
  runCaseFile('enterprise-size', enterpriseSizeRule);
});

describe('enterprise-size standard (工信部联企业〔2011〕300号)', () => {
  const table = params.latest(sizeParameters, 'thresholds');

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

  it('names the missing indicator when not even the class can be derived', () => {
    const d = enterpriseSizeRule.evaluate({ industry: 'leasing_business', employees: 500 }, params);
    expect(d).toMatchObject({ status: 'needs_review', size: null, sizeClass: null, reasons: ['SIZE_UNKNOWN'] });
    expect(d.trace.at(-1)).toMatchObject({ step: 'size', passed: null });
    expect(d.trace.at(-1)!.text).toContain('缺少资产总额');
  });

  it('makes a unit an SME on one indicator below the large bound, and micro on one below the small bound', () => {
    expect(enterpriseSizeRule.evaluate({ industry: 'industrial', employees: 5 }, params)).toMatchObject({
      status: 'eligible',
      size: 'micro',
      sizeClass: 'sme',
      reasons: [],
    });
    const medium = enterpriseSizeRule.evaluate({ industry: 'industrial', employees: 500 }, params);
    expect(medium).toMatchObject({ status: 'eligible', size: null, sizeClass: 'sme', reasons: [] });
    expect(medium.trace.at(-1)!.text).toBe(
      '缺少营业收入；从业人员 500 人 < 从业人员 1000 人，按工业划型标准属于中小微企业（具体档次须补充营业收入）',
    );
    expect(enterpriseSizeRule.evaluate({ industry: 'industrial', employees: 1500 }, params)).toMatchObject({
      status: 'needs_review',
      sizeClass: null,
      reasons: ['SIZE_UNKNOWN'],
    });
    expect(enterpriseSizeRule.evaluate({ industry: 'industrial', employees: 1000, revenueWan: 40000 }, params)).toMatchObject({
      status: 'eligible',
      size: 'large',
      sizeClass: 'large',
    });
  });

  const indicator = fc.option(fc.double({ min: 0, max: 300_000, noNaN: true }), { nil: undefined });
  const employeesOf = (value: number | undefined) => (value === undefined ? undefined : Math.floor(value));

  it('never claims more than the present indicators prove: any filling of the missing ones keeps the class and size', () => {
    const filled = fc.double({ min: 0, max: 300_000, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...industries),
        indicator,
        indicator,
        indicator,
        filled,
        filled,
        filled,
        (industry, employees, revenueWan, assetsWan, e, r, a) => {
          const partial = enterpriseSizeRule.evaluate(
            { industry, employees: employeesOf(employees), revenueWan, assetsWan },
            params,
          );
          const complete = enterpriseSizeRule.evaluate(
            {
              industry,
              employees: employeesOf(employees ?? e),
              revenueWan: revenueWan ?? r,
              assetsWan: assetsWan ?? a,
            },
            params,
          );
          expect(complete.sizeClass).not.toBeNull();
          if (partial.sizeClass !== null) expect(complete.sizeClass).toBe(partial.sizeClass);
          if (partial.size !== null) expect(complete.size).toBe(partial.size);
          expect(partial.status === 'eligible').toBe(partial.sizeClass !== null);
          expect((partial.status === 'eligible') === (partial.reasons.length === 0)).toBe(true);
        },
      ),
    );
  });

  it('never gives a smaller size when every indicator grows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...industries),
        indicator,
        indicator,
        indicator,
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (industry, employees, revenueWan, assetsWan, growth) => {
          const employeesInt = employeesOf(employees);
          const before = enterpriseSizeRule.evaluate({ industry, employees: employeesInt, revenueWan, assetsWan }, params);
          const after = enterpriseSizeRule.evaluate(
            {
              industry,
              employees: employeesInt === undefined ? undefined : employeesInt + Math.floor(growth),
              revenueWan: revenueWan === undefined ? undefined : revenueWan + growth,
              assetsWan: assetsWan === undefined ? undefined : assetsWan + growth,
            },
            params,
          );
          if (before.size !== null && after.size !== null)
            expect(RANK[after.size as EnterpriseSize]).toBeGreaterThanOrEqual(RANK[before.size as EnterpriseSize]);
          if (before.sizeClass === 'large') expect(after.sizeClass).toBe('large');
        },
      ),
    );
  });
});
