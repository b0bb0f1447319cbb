// The one guard against formula injection (OWASP "CSV Injection") for every file we write that a spreadsheet opens:
// CSV and XLSX exports, templates, error reports and the bank instruction file. A text cell beginning with
// = + - @, a tab or a carriage return is prefixed with an apostrophe, so Excel and WPS show it as text instead of
// running it (a unit imported as `=cmd|' /C calc'!A0` reaches finance's Excel as that text). Numbers, and text that
// is only a number (an amount such as -12.50 or +3), pass unchanged: they stay numeric where the bank needs them.
/** One cell of an exported sheet: text, a number, or empty. */
export type ExportCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The cell as it is safe to write: `'` + the text when a spreadsheet would read it as a formula; else unchanged. */
export function guardCell<Cell extends ExportCell>(cell: Cell): Cell {
  if (typeof cell !== 'string' || !FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}` as Cell;
}

export function guardRow<Cell extends ExportCell>(cells: readonly Cell[]): Cell[] {
  return cells.map(guardCell);
}
