import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readTable } from '../../../src/adapters/files/read-table.ts';
import { ValidationReport, validateRows } from '../../../src/adapters/files/validate-rows.ts';
import { writeErrorReport, writeTemplate, writeXlsx } from '../../../src/adapters/files/write-xlsx.ts';
import { writeCsv } from '../../../src/adapters/files/write-csv.ts';
import type { RowError } from '../../../src/adapters/files/table-errors.ts';
import { sampleHeaders, sampleSpec, tempFiles } from './support.ts';

const file = tempFiles();

async function sheetValues(path: string, sheetIndex = 0): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.worksheets[sheetIndex]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('writeErrorReport', () => {
  it('writes 行号 / 列 / 值 / 问题 and a line for the problems left out, readable by Excel tools', async () => {
    const errors: RowError[] = [
      { row: 2, column: '实缴金额（元）', value: '1.234', message: '金额最多两位小数（精确到分）' },
      { row: 9, column: '单位名称', value: '=HYPERLINK("x")', message: '长度不能超过 20 个字（当前 21 个）' },
    ];
    const path = file('errors.xlsx');
    await writeErrorReport(errors, path, { omittedCount: 1200 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('错误报告');
    expect(await sheetValues(path)).toEqual([
      ['行号', '列', '值', '问题'],
      [2, '实缴金额（元）', '1.234', '金额最多两位小数（精确到分）'],
      [9, '单位名称', `'=HYPERLINK("x")`, '长度不能超过 20 个字（当前 21 个）'],
      [undefined, undefined, undefined, '另有 1200 个问题未列出，请修正以上问题后重新导入以查看其余问题'],
    ]);
    // A value that looks like a formula stays text in the report, with the export guard's apostrophe.
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.String);
  });
});

describe('writeTemplate', () => {
  it('writes the headers, an example row that imports cleanly, and a 填写说明 sheet with required columns marked', async () => {
    const path = file('template.xlsx');
    await writeTemplate(sampleSpec, path);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['参保单位', '填写说明']);
    const [headers, example] = await sheetValues(path);
    expect(headers).toEqual(sampleHeaders);
    expect(example).toEqual(sampleSpec.columns.map((c) => c.example));
    const main = workbook.worksheets[0]!;
    expect(main.getCell('A1').font?.color?.argb).toBe('FFC00000'); // required: red
    expect(main.getCell('C1').font?.color).toBeUndefined(); // 企业规模 is optional
    expect(main.getColumn(1).numFmt).toBe('@'); // typed credit codes stay text

    const guide = await sheetValues(path, 1);
    expect(guide[0]).toEqual(['列名', '是否必填', '填写要求', '示例']);
    expect(guide[1]!.slice(0, 2)).toEqual(['统一社会信用代码', '必填']);
    expect(guide[3]).toEqual(['企业规模', '选填', '填写以下之一：大型、中型、小型、微型', '小型']);
    expect(guide[7]![2]).toBe('填写以下之一：是、否；劳务派遣单位须另行申请');

    const report = new ValidationReport();
    const parsed = [];
    for await (const row of validateRows(sampleSpec, readTable(path, sampleSpec), report)) parsed.push(row);
    expect(report.errors).toEqual([]);
    expect(parsed.map((r) => [r.rowNumber, r.value.paidFen, r.value.size])).toEqual([[2, 123456, 'small']]);
  });
});

describe('writeXlsx', () => {
  it('streams several sheets of rows from an async source', async () => {
    async function* numbers() {
      for (let i = 1; i <= 3; i++) yield [i, `第${i}行`, null];
    }
    const path = file('export.xlsx');
    await writeXlsx(path, [
      { name: '明细', columns: [{ header: '序号' }, { header: '名称' }, { header: '备注' }], rows: numbers() },
      { name: '汇总', columns: [{ header: '合计' }], rows: [[6]] },
    ]);
    expect(await sheetValues(path)).toEqual([
      ['序号', '名称', '备注'],
      [1, '第1行'],
      [2, '第2行'],
      [3, '第3行'],
    ]);
    expect(await sheetValues(path, 1)).toEqual([['合计'], [6]]);
  });
});

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM and quotes what needs quoting, so it reads back unchanged', async () => {
    const path = file('export.csv');
    const row = ['91370100MA3C00000X', '甲公司,"总部"\n二部', '', '1,234.56', '2024-08-15', '2024-08', ' 否', 25];
    await writeCsv(path, sampleHeaders, [row]);
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const rows = [];
    for await (const read of readTable(path, sampleSpec)) rows.push(read);
    expect(rows).toEqual([{ rowNumber: 2, values: Object.fromEntries(sampleHeaders.map((h, i) => [h, String(row[i])])) }]);
  });
});
