import { describe, it, expect } from 'vitest';
import type { TableRow } from '../../../src/adapters/files/read-table.ts';
import { ValidationReport, validateRows } from '../../../src/adapters/files/validate-rows.ts';
import { sampleSpec, type SampleRow } from './support.ts';

const good: Record<string, string> = {
  统一社会信用代码: ' 91370100ma3c00000x ',
  单位名称: '甲公司',
  企业规模: '',
  '实缴金额（元）': '100',
  参保日期: '2024/1/2',
  所属期: '202401',
  是否劳务派遣: '',
  参保人数: '3',
};

async function* fromRows(rows: TableRow[]): AsyncGenerator<TableRow> {
  yield* rows;
}

async function collect(rows: TableRow[], report: ValidationReport): Promise<{ rowNumber: number; value: SampleRow }[]> {
  const out = [];
  for await (const row of validateRows(sampleSpec, fromRows(rows), report)) out.push(row);
  return out;
}

describe('validateRows', () => {
  it('parses a good row into typed values; empty optional cells become null', async () => {
    const report = new ValidationReport();
    const rows = await collect([{ rowNumber: 2, values: good }], report);
    expect(report.ok).toBe(true);
    expect(rows).toEqual([
      {
        rowNumber: 2,
        value: {
          creditCode: '91370100MA3C00000X',
          name: '甲公司',
          size: null,
          paidFen: 10000,
          insuredOn: '2024-01-02',
          period: '2024-01',
          dispatch: null,
          headcount: 3,
        },
      },
    ]);
  });

  it('reports every bad cell with row, Chinese header, value and message, and drops the bad row', async () => {
    const report = new ValidationReport();
    const bad = { ...good, 单位名称: '  ', '实缴金额（元）': '1.234', 参保日期: '2024-02-30' };
    const { 所属期: _omitted, ...missingColumn } = good;
    const rows = await collect(
      [
        { rowNumber: 2, values: bad },
        { rowNumber: 5, values: good },
        { rowNumber: 7, values: missingColumn },
      ],
      report,
    );
    expect(rows.map((r) => r.rowNumber)).toEqual([5]);
    expect(report.errors).toEqual([
      { row: 2, column: '单位名称', value: '', message: '必填项不能为空' },
      { row: 2, column: '实缴金额（元）', value: '1.234', message: '金额最多两位小数（精确到分）' },
      { row: 2, column: '参保日期', value: '2024-02-30', message: '日期不存在：2024-02-30' },
      { row: 7, column: '所属期', value: '', message: '必填项不能为空' },
    ]);
    expect([report.rowCount, report.invalidRowCount, report.errorCount, report.ok]).toEqual([3, 2, 4, false]);
  });

  it('keeps only the first errors in full but counts all of them', async () => {
    const report = new ValidationReport(5);
    const rows = Array.from({ length: 4 }, (_, i) => ({
      rowNumber: i + 2,
      values: { ...good, 参保人数: 'x', 所属期: '2024-13' },
    }));
    await collect(rows, report);
    expect(report.errors).toHaveLength(5);
    expect(report.errorCount).toBe(8);
    expect(report.omittedErrorCount).toBe(3);
  });
});
