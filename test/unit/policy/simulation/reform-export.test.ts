import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportReform } from '../../../../src/adapters/parameters/reform-export.ts';

describe('a reform exported as a parameter change', () => {
  it('writes the changed file with the new dated values and their legal basis, the rest untouched', () => {
    const [file, ...rest] = exportReform({
      name: '裁员率上限6%',
      changes: [
        {
          rule: 'job-retention-refund',
          key: 'layoffRateLimitBp',
          from: '2024-07-01',
          to: '2024-12-31',
          value: 600,
          legalBasis: '鲁人社发〔2024〕99号 第二条（假设的调整文件）',
        },
      ],
    });
    expect(rest).toEqual([]);
    expect(file!.name).toBe('job-retention-refund.yaml');
    const data = parse(file!.text);
    expect(
      data.parameters.layoffRateLimitBp.values.map((v: { from: string; to: string; value: number }) => [v.from, v.to, v.value]),
    ).toEqual([
      ['2024-01-01', '2024-06-30', 550],
      ['2024-07-01', '2024-12-31', 600],
    ]);
    expect(data.parameters.layoffRateLimitBp.values[1].legalBasis).toBe('鲁人社发〔2024〕99号 第二条（假设的调整文件）');
    expect(data.parameters.smeRatioBp.values[0].value).toBe(6000);
  });

  it('refuses a change without a legal basis', () => {
    expect(() =>
      exportReform({
        name: '无依据',
        changes: [{ rule: 'spending-cap', key: 'capRatioBp', from: '2024-01-01', to: '2024-12-31', value: 2000 }],
      }),
    ).toThrow('没有填写法律依据');
  });
});
