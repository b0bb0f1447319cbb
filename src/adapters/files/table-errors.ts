// Problems found in an import file, shaped for the Chinese error report (行号, 列, 值, 问题).

/** One problem in one cell; `row` is the row number as the user sees it in Excel (header = row 1). */
export interface RowError {
  row: number;
  /** The column's Chinese header; empty when the problem concerns the whole row. */
  column: string;
  value: string;
  message: string;
}

/** The file as a whole cannot be read (unknown format, bad encoding, header missing required columns…). */
export class TableFileError extends Error {
  /** Problems that point at a cell (e.g. each missing header column), so they can go into the error report too. */
  readonly problems: readonly RowError[];

  constructor(message: string, problems: readonly RowError[] = []) {
    super(message);
    this.name = 'TableFileError';
    this.problems = problems;
  }
}
