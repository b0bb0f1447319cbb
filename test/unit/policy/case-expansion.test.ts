// The readable case format (policy/cases/README.md): what a policy officer writes is what the rules receive.
import { describe, expect, it } from 'vitest';
import { expandCaseFile } from '../../support/case-expansion.ts';

const expandOne = (base: unknown, entry: Record<string, unknown>) =>
  expandCaseFile({ base, cases: [{ id: 'T1', expect: { status: 'eligible' }, ...entry }] }, 'test.yaml')[0]!;

describe('readable case files', () => {
  it('lays a case over the base: objects merge, scalars and arrays replace, omit removes', () => {
    const base = { asOf: '2024-08-15', unit: { orgType: 'enterprise', size: 'small', flags: ['zombie'] } };
    const c = expandOne(base, { input: { unit: { size: 'medium', flags: ['deregistered'] } }, omit: ['asOf'] });
    expect(c.input).toEqual({ id: 'T1', unit: { orgType: 'enterprise', size: 'medium', flags: ['deregistered'] } });
    expect(expandOne(base, {}).input.unit).toEqual(base.unit);
  });

  it('expands monthsPaid into months due and payments, with single months and ranges changed, explicit rows after', () => {
    const c = expandOne(
      { monthsPaid: { from: '2023-11', to: '2024-02', dueFen: 100, paidDay: 15 } },
      {
        input: {
          monthsPaid: { except: { '2023-12': { paidFen: 99 }, '2024-01..2024-02': { dueFen: 200, paidOn: '2024-03-01' } } },
          payments: [{ period: '2023-11', paidOn: '2023-12-20', amountFen: 5, kind: 'late_fee' }],
        },
      },
    );
    expect(c.input.months).toEqual([
      { period: '2023-11', dueFen: 100 },
      { period: '2023-12', dueFen: 100 },
      { period: '2024-01', dueFen: 200 },
      { period: '2024-02', dueFen: 200 },
    ]);
    expect(c.input.payments).toEqual([
      { period: '2023-11', paidOn: '2023-11-15', amountFen: 100, kind: 'contribution' },
      { period: '2023-12', paidOn: '2023-12-15', amountFen: 99, kind: 'contribution' },
      { period: '2024-01', paidOn: '2024-03-01', amountFen: 200, kind: 'contribution' },
      { period: '2024-02', paidOn: '2024-03-01', amountFen: 200, kind: 'contribution' },
      { period: '2023-11', paidOn: '2023-12-20', amountFen: 5, kind: 'late_fee' },
    ]);
    expect(c.input).not.toHaveProperty('monthsPaid');
  });

  it('expands workerMonthsPaid into one payment per worker and month', () => {
    const c = expandOne(
      {},
      { input: { workerMonthsPaid: [{ workerId: 'W1', from: '2023-12', to: '2024-01', amountFen: 50, paidDay: 5 }] } },
    );
    expect(c.input.workerPayments).toEqual([
      { workerId: 'W1', period: '2023-12', paidOn: '2023-12-05', amountFen: 50 },
      { workerId: 'W1', period: '2024-01', paidOn: '2024-01-05', amountFen: 50 },
    ]);
  });

  it('names the file and case when a shorthand is mistyped, a path to omit is missing or an id repeats', () => {
    const months = { from: '2023-01', to: '2023-03', dueFen: 1, paidDay: 15 };
    expect(() => expandOne({}, { input: { monthsPaid: { ...months, paidday: 15 } } })).toThrow(
      /test\.yaml：案例 T1.*未知字段 paidday/,
    );
    expect(() => expandOne({}, { input: { monthsPaid: { ...months, except: { '2023-06': { paidFen: 0 } } } } })).toThrow(
      /2023-06 不在 from–to 范围内/,
    );
    expect(() => expandOne({}, { input: { monthsPaid: { ...months, paidDay: 31 } } })).toThrow(/paidDay 须为 1–28/);
    expect(() => expandOne({ unit: {} }, { omit: ['unit.size'] })).toThrow(/unit\.size 在合并后的输入中不存在/);
    expect(() =>
      expandCaseFile(
        {
          cases: [
            { id: 'A', expect: {} },
            { id: 'A', expect: {} },
          ],
        },
        'x.yaml',
      ),
    ).toThrow(/id 缺失或重复/);
  });
});
