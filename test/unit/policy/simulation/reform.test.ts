import { describe, expect, it } from 'vitest';
import { projectParameters } from '../../../../src/adapters/parameters/load-parameters.ts';
import { evaluateJobRetentionRefund } from '../../../../src/policy/job-retention-refund.ts';
import { PARAMETER_DECLARATIONS } from '../../../../src/policy/parameter-declarations.ts';
import { refundParameters } from '../../../../src/policy/refund/refund-parameters.ts';
import { applyReform, compareReforms, replaceSpan, type Reform } from '../../../../src/policy/simulation/reform.ts';
import { refundCase } from './refund-cases.ts';

const base = projectParameters();
const YEAR = { from: '2024-01-01', to: '2024-12-31' } as const;
const smeAt = (bp: number): Reform => ({
  name: '中小微企业返还比例调整',
  changes: [{ rule: 'job-retention-refund', key: 'smeRatioBp', ...YEAR, value: bp }],
});

function applied(reform: Reform) {
  const result = applyReform(base, reform, PARAMETER_DECLARATIONS, 'test-reform');
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.params;
}

describe('reforms as data', () => {
  it('puts the new value in force over its dates and leaves the project parameters alone', () => {
    const reformed = applied(smeAt(5000));
    expect(reformed.at(refundParameters, 'smeRatioBp', '2024-08-15')?.value).toBe(5000);
    expect(reformed.at(refundParameters, 'smeRatioBp', '2024-08-15')?.legalBasis).toContain('模拟方案');
    expect(base.at(refundParameters, 'smeRatioBp', '2024-08-15')?.value).toBe(6000);
    expect(reformed.at(refundParameters, 'largeEnterpriseRatioBp', '2024-08-15')?.value).toBe(3000);
  });

  it('cuts a partial span out of the values in force, keeping both ends', () => {
    const values = [{ from: '2024-01-01', to: '2024-12-31', value: 550, legalBasis: '鲁人社发〔2024〕8号 第二条' }];
    const spliced = replaceSpan(values, { from: '2024-07-01', to: '2024-09-30', value: 600, legalBasis: '模拟' });
    expect(spliced.map((v) => [v.from, v.to, v.value])).toEqual([
      ['2024-01-01', '2024-06-30', 550],
      ['2024-07-01', '2024-09-30', 600],
      ['2024-10-01', '2024-12-31', 550],
    ]);
  });

  it('refuses values the declaration does not allow, unknown parameters and reversed dates, in Chinese', () => {
    const result = applyReform(
      base,
      {
        name: '错误方案',
        changes: [
          { rule: 'job-retention-refund', key: 'smeRatioBp', ...YEAR, value: 12_000 },
          { rule: 'job-retention-refund', key: 'layoffMethod', ...YEAR, value: 'guess' },
          { rule: 'job-retention-refund', key: 'noSuchThing', ...YEAR, value: 1 },
          { rule: 'spending-cap', key: 'capRatioBp', from: '2024-12-31', to: '2024-01-01', value: 2000 },
        ],
      },
      PARAMETER_DECLARATIONS,
      'bad',
    );
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.some((p) => p.startsWith('job-retention-refund.smeRatioBp'))).toBe(true);
    expect(problems.some((p) => p.startsWith('job-retention-refund.layoffMethod'))).toBe(true);
    expect(problems).toContain('job-retention-refund.noSuchThing: 没有这个参数');
    expect(problems.some((p) => p.includes('早于起始日期'))).toBe(true);
  });

  it('a reform that restates the values in force decides every case as the baseline does', () => {
    const same = applied(smeAt(6000));
    for (const size of ['large', 'medium', 'small', 'micro'] as const) {
      const input = refundCase({ size });
      const [a, b] = [evaluateJobRetentionRefund(input, base), evaluateJobRetentionRefund(input, same)];
      expect([b.status, b.amountFen]).toEqual([a.status, a.amountFen]);
    }
  });

  it('an SME ratio of 50% refunds half the base, rounded half up; a large enterprise keeps 30%', () => {
    const reformed = applied(smeAt(5000));
    // The 2023 base: twelve months of 2,000 yuan paid within 2023.
    const baseFen = 12 * 200_000;
    expect(evaluateJobRetentionRefund(refundCase({ size: 'small' }), reformed).amountFen).toBe(baseFen / 2);
    expect(evaluateJobRetentionRefund(refundCase({ size: 'small' }), base).amountFen).toBe((baseFen * 6) / 10);
    expect(evaluateJobRetentionRefund(refundCase({ size: 'large' }), reformed).amountFen).toBe((baseFen * 3) / 10);
  });

  it('compares two versions parameter by parameter', () => {
    const v1 = smeAt(5000);
    const v2: Reform = {
      ...v1,
      changes: [...v1.changes, { rule: 'job-retention-refund', key: 'smallUnitHeadcount', ...YEAR, value: 50 }],
    };
    expect(compareReforms(v1, v2).map((d) => [d.key, d.before === null, d.after?.[0]?.value])).toEqual([
      ['smallUnitHeadcount', true, 50],
    ]);
    expect(compareReforms(v1, v1)).toEqual([]);
  });
});
