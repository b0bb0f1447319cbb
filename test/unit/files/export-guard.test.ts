// The formula-injection guard (OWASP CSV injection): what it neutralises, what it leaves alone, and that both writers
// apply it to every cell, headers included.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guardCell } from '../../../src/adapters/files/export-guard.ts';
import { writeCsv } from '../../../src/adapters/files/write-csv.ts';
import { writeXlsx } from '../../../src/adapters/files/write-xlsx.ts';
import { tempFiles } from './support.ts';

const file = tempFiles();

describe('guardCell', () => {
  it('prefixes text beginning with = + - @, a tab or a carriage return with an apostrophe', () => {
    expect([`=cmd|' /C calc'!A0`, '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', '-', '='].map(guardCell)).toEqual([
      `'=cmd|' /C calc'!A0`,
      `'+1+1`,
      `'-1+1`,
      `'@SUM(A1)`,
      `'\t=1+1`,
      `'\r=1+1`,
      `'-`,
      `'=`,
    ]);
  });

  it('leaves numbers, text that is only a number, empty cells and ordinary text unchanged', () => {
    expect([-12.5, 0, '-12.50', '+3', '1234.56', '12-1', '', null, '威海=公司', ' =1', "'=1"].map(guardCell)).toEqual([
      -12.5,
      0,
      '-12.50',
      '+3',
      '1234.56',
      '12-1',
      '',
      null,
      '威海=公司',
      ' =1',
      "'=1",
    ]);
  });
});

describe('the writers', () => {
  it('write a guarded CSV, headers included', async () => {
    const path = file('guarded.csv');
    await writeCsv(
      path,
      ['=表头', '金额'],
      [
        ['@名称', '-5.00'],
        ['+SUM(1,2)', -5],
      ],
    );
    expect(readFileSync(path, 'utf8')).toBe(`\uFEFF'=表头,金额\r\n'@名称,-5.00\r\n"'+SUM(1,2)",-5\r\n`);
  });

  it('write a guarded XLSX, headers included, numbers kept as numbers', async () => {
    const path = file('guarded.xlsx');
    await writeXlsx(path, [{ name: '表', columns: [{ header: '-表头' }, { header: '金额' }], rows: [['=1+1', -5]] }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect([sheet.getCell('A1').value, sheet.getCell('A2').value, sheet.getCell('B2').value]).toEqual(["'-表头", "'=1+1", -5]);
  });
});
