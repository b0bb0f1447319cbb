// Reads a bank return file's lines through its ImportSpec: each row parsed, a payment reference at most once, and a
// reason given for every failed or returned line. Problems go into the report; good lines come back with their row.
import { paymentReference } from '../../adapters/bank/instruction-file.ts';
import { outcomeLabels, returnFileSpec, toReturnLine, type ReturnLine } from '../../adapters/bank/return-file.ts';
import { readTable } from '../../adapters/files/read-table.ts';
import { validateRows, type ValidationReport } from '../../adapters/files/validate-rows.ts';

export interface NumberedLine {
  rowNumber: number;
  line: ReturnLine;
}

export const REFERENCE_COLUMN = '付款流水号';

/** Every row of the file; throws TableFileError when the file cannot be read at all. */
export async function readReturnLines(path: string, report: ValidationReport): Promise<NumberedLine[]> {
  const lines: NumberedLine[] = [];
  const seen = new Map<string, number>();
  for await (const row of validateRows(returnFileSpec, readTable(path, returnFileSpec), report)) {
    const line = toReturnLine(row.value);
    const reference = paymentReference(line.paymentId, line.attempt);
    const first = seen.get(reference);
    if (first !== undefined) {
      report.add({ row: row.rowNumber, column: REFERENCE_COLUMN, value: reference, message: `与第 ${first} 行重复` });
      continue;
    }
    seen.set(reference, row.rowNumber);
    if (line.outcome !== 'paid' && !line.bankReason) {
      report.add({
        row: row.rowNumber,
        column: '失败原因',
        value: '',
        message: `处理结果为「${outcomeLabels[line.outcome]}」时须填写失败原因`,
      });
      continue;
    }
    lines.push({ rowNumber: row.rowNumber, line });
  }
  return lines;
}
