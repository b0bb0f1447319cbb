// Streaming XLSX output (exceljs WorkbookWriter: each row is written to disk as it is added), the Chinese
// error report of an import, and the blank template of an import kind with its 填写说明 sheet. Every cell goes through
// the formula-injection guard (export-guard.ts), as in CSV: a file saved on as CSV, or a cell edited, stays text.
import ExcelJS from 'exceljs';
import type { ImportSpec } from './column-spec.ts';
import type { RowError } from './table-errors.ts';
import { guardRow, type ExportCell } from './export-guard.ts';

export type { ExportCell };

export interface XlsxColumn {
  header: string;
  width?: number;
  /** Header shown in bold red (a required column). */
  emphasis?: boolean;
  /** Cells typed later into this column stay text, so Excel keeps 18-digit codes and 2024-08 as typed. */
  text?: boolean;
}

export interface XlsxSheet {
  name: string;
  columns: readonly XlsxColumn[];
  rows: Iterable<readonly ExportCell[]> | AsyncIterable<readonly ExportCell[]>;
  /** Style for the first data row (e.g. to grey out an example). */
  firstRowFont?: Partial<ExcelJS.Font>;
}

const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true };
const EMPHASIS_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FFC00000' } };

/** Writes the sheets in order, streaming each row to disk; memory does not grow with the number of rows. */
export async function writeXlsx(path: string, sheets: readonly XlsxSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns.forEach((column, index) => {
      const target = worksheet.getColumn(index + 1);
      target.width = column.width ?? Math.max(12, column.header.length * 2 + 4);
      if (column.text) target.numFmt = '@';
    });
    const header = worksheet.addRow(guardRow(sheet.columns.map((column) => column.header)));
    sheet.columns.forEach((column, index) => {
      header.getCell(index + 1).font = column.emphasis ? EMPHASIS_FONT : HEADER_FONT;
    });
    header.commit();
    let first = true;
    for await (const values of sheet.rows) {
      const row = worksheet.addRow(guardRow(values));
      if (first && sheet.firstRowFont) row.font = sheet.firstRowFont;
      first = false;
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** The import's problems as 行号 / 列 / 值 / 问题; a last line tells how many problems were left out. */
export async function writeErrorReport(
  errors: Iterable<RowError> | AsyncIterable<RowError>,
  path: string,
  options: { omittedCount?: number } = {},
): Promise<void> {
  async function* rows(): AsyncGenerator<ExportCell[]> {
    for await (const error of errors) yield [error.row, error.column, error.value, error.message];
    if (options.omittedCount)
      yield [null, null, null, `另有 ${options.omittedCount} 个问题未列出，请修正以上问题后重新导入以查看其余问题`];
  }
  await writeXlsx(path, [
    {
      name: '错误报告',
      columns: [
        { header: '行号', width: 8 },
        { header: '列', width: 24 },
        { header: '值', width: 32 },
        { header: '问题', width: 60 },
      ],
      rows: rows(),
    },
  ]);
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
}

/** The blank template: headers (required ones in red), one example row, and a 填写说明 sheet describing each column. */
export async function writeTemplate<Row>(spec: ImportSpec<Row>, path: string): Promise<void> {
  const instructions: ExportCell[][] = spec.columns.map((column) => [
    column.header,
    column.required ? '必填' : '选填',
    column.note ? `${column.hint}；${column.note}` : column.hint,
    column.example,
  ]);
  instructions.push(
    [null, null, null, null],
    [
      '说明',
      null,
      `第 1 行为表头，请勿修改；红色列为必填项。第 2 行为示例，导入前请删除。每行一条记录，也可另存为 CSV（UTF-8 或 GBK）后导入。`,
      null,
    ],
  );
  await writeXlsx(path, [
    {
      name: sheetName(spec.title),
      columns: spec.columns.map((column) => ({ header: column.header, emphasis: column.required, text: true })),
      rows: [spec.columns.map((column) => column.example)],
      firstRowFont: { italic: true, color: { argb: 'FF808080' } },
    },
    {
      name: '填写说明',
      columns: [
        { header: '列名', width: 24 },
        { header: '是否必填', width: 10 },
        { header: '填写要求', width: 70 },
        { header: '示例', width: 24 },
      ],
      rows: instructions,
    },
  ]);
}
