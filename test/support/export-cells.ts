// Reading exported files back as a spreadsheet would, for the formula-injection tests: every cell of every sheet of
// an XLSX (failing on a stored formula), RFC 4180 fields of a CSV, and the text cells a spreadsheet would run.
import ExcelJS from 'exceljs';
import { expect } from 'vitest';

/** Every text cell a spreadsheet would take for a formula (text that is only a number is a number, not a formula). */
export function formulaCells(cells: readonly string[]): string[] {
  return cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(?:\.\d+)?$/.test(cell));
}

/** All rows of all sheets as text; a cell stored as a formula fails the test. */
export async function xlsxRows(path: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => {
        expect(cell.type, `${sheet.name}!${cell.address} is a formula`).not.toBe(ExcelJS.ValueType.Formula);
        cells.push(String(cell.value));
      });
      rows.push(cells);
    });
  }
  return rows;
}

/** RFC 4180 fields of a UTF-8 CSV with BOM, as Excel splits them. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') field += body[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}
