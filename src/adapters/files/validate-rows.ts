// Applies an ImportSpec to a row stream: every cell of every row is checked; good rows come out parsed, and the
// problems are collected (the first `limit` kept in full, the rest only counted) for the Chinese error report.
import type { ImportSpec } from './column-spec.ts';
import type { TableRow } from './read-table.ts';
import type { RowError } from './table-errors.ts';

export interface ParsedRow<Row> {
  rowNumber: number;
  value: Row;
}

export class ValidationReport {
  readonly errors: RowError[] = [];
  /** All problems found, including those beyond the limit. */
  errorCount = 0;
  /** Data rows read (blank rows are not counted). */
  rowCount = 0;
  invalidRowCount = 0;

  constructor(readonly limit = 1000) {}

  add(error: RowError): void {
    this.errorCount++;
    if (this.errors.length < this.limit) this.errors.push(error);
  }

  get omittedErrorCount(): number {
    return this.errorCount - this.errors.length;
  }

  get ok(): boolean {
    return this.errorCount === 0;
  }
}

/**
 * Yields the rows whose every cell parses; records the others' problems in `report`. An empty cell is an error in
 * a required column and null in an optional one. Iterate to the end before reading the report.
 */
export async function* validateRows<Row>(
  spec: ImportSpec<Row>,
  rows: AsyncIterable<TableRow>,
  report: ValidationReport,
): AsyncGenerator<ParsedRow<Row>> {
  for await (const row of rows) {
    report.rowCount++;
    const value: Record<string, unknown> = {};
    let valid = true;
    for (const column of spec.columns) {
      const raw = (row.values[column.header] ?? '').trim();
      if (raw === '') {
        if (column.required) {
          report.add({ row: row.rowNumber, column: column.header, value: '', message: '必填项不能为空' });
          valid = false;
        } else {
          value[column.key] = null;
        }
        continue;
      }
      const result = column.parse(raw);
      if ('error' in result) {
        report.add({ row: row.rowNumber, column: column.header, value: raw, message: result.error });
        valid = false;
      } else {
        value[column.key] = result.value;
      }
    }
    if (valid) yield { rowNumber: row.rowNumber, value: value as Row };
    else report.invalidRowCount++;
  }
}
