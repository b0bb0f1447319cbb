import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readTable, type TableRow } from '../../../src/adapters/files/read-table.ts';
import { TableFileError } from '../../../src/adapters/files/table-errors.ts';
import { ValidationReport, validateRows } from '../../../src/adapters/files/validate-rows.ts';
import { encodeGbk, sampleHeaders, sampleSpec, tempFiles } from './support.ts';

const file = tempFiles();

async function readAll(path: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(path, sampleSpec)) rows.push(row);
  return rows;
}

async function readError(path: string): Promise<TableFileError> {
  try {
    await readAll(path);
  } catch (error) {
    if (error instanceof TableFileError) return error;
    throw error;
  }
  throw new Error('expected a TableFileError');
}

const header = sampleHeaders.join(',');
const line = '91370100MA3C00000X,济南示例有限公司,小型,"1,234.56",2024/8/15,2024年8月,否,25';

describe('readTable — CSV', () => {
  it('detects GBK (as Excel on Chinese Windows saves CSV) and decodes the Chinese text', async () => {
    expect(encodeGbk('中文')).toEqual(Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4));
    const path = file('gbk.csv');
    writeFileSync(path, encodeGbk(`${header}\r\n${line}\r\n`));
    const rows = await readAll(path);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rowNumber).toBe(2);
    expect(rows[0]!.values['单位名称']).toBe('济南示例有限公司');
    expect(rows[0]!.values['所属期']).toBe('2024年8月');
    expect(rows[0]!.values['实缴金额（元）']).toBe('1,234.56');
  });

  it('reads UTF-8 with a BOM without the BOM leaking into the first header', async () => {
    const path = file('bom.csv');
    writeFileSync(path, `\uFEFF${header}\r\n${line}\r\n`);
    const rows = await readAll(path);
    expect(rows[0]!.values['统一社会信用代码']).toBe('91370100MA3C00000X');
  });

  it('does not split a Chinese character that straddles the 64 KiB detection sample', async () => {
    // Pad so that a three-byte UTF-8 character starts two bytes before the 65536th byte.
    const prefix = `${header}\n`;
    const padding = 'a'.repeat(65536 - 2 - Buffer.byteLength(prefix) - 1);
    const path = file('straddle.csv');
    writeFileSync(path, `${prefix}${padding},济南示例有限公司\n${line}\n`);
    const rows = await readAll(path);
    expect(rows[0]!.values['单位名称']).toBe('济南示例有限公司');
    expect(rows[1]!.values['单位名称']).toBe('济南示例有限公司');
  });

  it('counts rows as Excel shows them: a quoted line break stays in its row, blank lines still count', async () => {
    const path = file('quoted.csv');
    writeFileSync(path, `${header}\n"91370100MA3C00000X","济南示例,\n有限公司",,"1,000",2024-08-15,2024-08,,1\n\n${line}\n`);
    const rows = await readAll(path);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(rows[0]!.values['单位名称']).toBe('济南示例,\n有限公司');
    expect(rows[0]!.values['企业规模']).toBe('');
  });

  it('matches headers in any order, ignoring surrounding spaces and unknown columns', async () => {
    const path = file('reordered.csv');
    writeFileSync(
      path,
      ' 参保人数 ,备注,单位名称 ,统一社会信用代码,实缴金额（元）,参保日期,所属期\n7,随便写,乙公司,91370100MA3C00001X,8,2024-01-02,2024-01\n',
    );
    const rows = await readAll(path);
    expect(rows[0]!.values).toEqual({
      参保人数: '7',
      单位名称: '乙公司',
      统一社会信用代码: '91370100MA3C00001X',
      '实缴金额（元）': '8',
      参保日期: '2024-01-02',
      所属期: '2024-01',
    });
  });

  it('rejects a header missing required columns, naming each one in Chinese', async () => {
    const path = file('missing.csv');
    writeFileSync(path, '单位名称,参保人数,单位名称\n甲,1,乙\n');
    const error = await readError(path);
    expect(error.message).toMatch(/^表头与模板不符：/);
    expect(error.message).toContain('「统一社会信用代码」缺少必填列');
    expect(error.message).toContain('「单位名称」列名重复');
    expect(error.problems.filter((p) => p.message === '缺少必填列').map((p) => p.column)).toEqual([
      '统一社会信用代码',
      '实缴金额（元）',
      '参保日期',
      '所属期',
    ]);
  });

  it('rejects an empty file, a legacy .xls and a file that is neither UTF-8 nor GBK', async () => {
    writeFileSync(file('empty.csv'), '\r\n');
    expect((await readError(file('empty.csv'))).message).toBe('文件为空：没有找到表头行');
    writeFileSync(file('old.xls'), Buffer.from('d0cf11e0a1b11ae1', 'hex'));
    expect((await readError(file('old.xls'))).message).toMatch(/不支持 Excel 97-2003/);
    writeFileSync(file('garbage.csv'), Buffer.concat([encodeGbk(`${header}\n`), Buffer.from([0x81, 0x20, 0xff, 0xff])]));
    expect((await readError(file('garbage.csv'))).message).toMatch(/文件编码无法识别/);
  });

  it('reports progress up to the file size', async () => {
    const path = file('progress.csv');
    writeFileSync(path, `${header}\n${line}\n`);
    const seen: number[] = [];
    for await (const row of readTable(path, sampleSpec, { onProgress: (p) => seen.push(p.totalBytes - p.bytesRead) })) void row;
    expect(seen.at(-1)).toBe(0);
  });
});

describe('readTable — XLSX', () => {
  it('reads text, numbers, Excel dates, formulas and rich text as the user sees them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRow([...sampleHeaders, '备注']);
    sheet.addRow(['91370100MA3C00000X', '济南示例有限公司', '中型', 1234.5, 45519, 45505, '是', 25, '']);
    sheet.getCell('E2').numFmt = 'yyyy-mm-dd'; // 45519 is 2024-08-15 in Excel's calendar
    sheet.getCell('F2').numFmt = 'yyyy"年"m"月"'; // 45505 is 2024-08-01: a month typed into Excel becomes its first day
    sheet.addRow([]);
    sheet.addRow([
      '91370100MA3C00001X',
      { richText: [{ text: '乙' }, { text: '公司', font: { bold: true } }] },
      null,
      { formula: '0.1+0.2', result: 0.30000000000000004 },
      { formula: 'DATE(2024,2,29)', result: 45351 },
      '2024-02',
      null,
      { formula: '3*4', result: 12 },
    ]);
    sheet.getCell('E4').numFmt = 'yyyy/m/d';
    workbook.addWorksheet('其他').addRow(['不应被读取']);
    const path = file('cells.xlsx');
    await workbook.xlsx.writeFile(path);

    const rows = await readAll(path);
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 4]);
    expect(rows[0]!.values).toMatchObject({
      '实缴金额（元）': '1234.5',
      参保日期: '2024-08-15',
      所属期: '2024-08-01',
      参保人数: '25',
    });
    expect(rows[1]!.values).toMatchObject({
      单位名称: '乙公司',
      '实缴金额（元）': '0.3',
      参保日期: '2024-02-29',
      参保人数: '12',
    });

    const report = new ValidationReport();
    const parsed = [];
    for await (const row of validateRows(sampleSpec, readTable(path, sampleSpec), report)) parsed.push(row.value);
    expect(report.errors).toEqual([]);
    expect(parsed.map((r) => [r.paidFen, r.insuredOn, r.period, r.size, r.dispatch])).toEqual([
      [123450, '2024-08-15', '2024-08', 'medium', true],
      [30, '2024-02-29', '2024-02', null, null],
    ]);
  });

  it('reads the first tab even when other sheets exist, and turns a damaged file into a Chinese error', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('导入').addRow(sampleHeaders);
    workbook.addWorksheet('说明').addRow(['统一社会信用代码']);
    const path = file('header-only.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await readAll(path)).toEqual([]);

    writeFileSync(file('broken.xlsx'), Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64, 1)]));
    expect((await readError(file('broken.xlsx'))).message).toMatch(/^无法读取 Excel 文件/);
  });
});
