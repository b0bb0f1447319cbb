// Streams the rows of an import file (CSV in UTF-8 or GBK, or XLSX) keyed by the spec's Chinese headers.
// Nothing is loaded whole: CSV is decoded and parsed chunk by chunk, XLSX goes through exceljs's streaming reader.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { Row } from 'exceljs';
import { csvRecords } from './csv-records.ts';
import { cellText } from './xlsx-cells.ts';
import { Utf8SafeWorkbookReader } from './xlsx-stream-reader.ts';
import { TableFileError, type RowError } from './table-errors.ts';

export interface TableRow {
  /** Row number as the user sees it in Excel (the header is row 1). */
  rowNumber: number;
  /** Raw cell text by the spec's header, for the spec's columns present in the file. */
  values: Record<string, string>;
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

export interface ReadTableOptions {
  onProgress?: (progress: ReadProgress) => void;
}

/** The part of an ImportSpec the reader needs. */
export interface TableColumns {
  columns: readonly { header: string; required: boolean }[];
}

interface RawRow {
  rowNumber: number;
  cells: string[];
}

/** Bytes of a file examined to decide between UTF-8 and GBK. */
const ENCODING_SAMPLE_BYTES = 64 * 1024;

/** Yields every non-blank data row of the file's first worksheet; throws TableFileError for an unreadable file. */
export async function* readTable(path: string, spec: TableColumns, options: ReadTableOptions = {}): AsyncGenerator<TableRow> {
  const totalBytes = (await stat(path)).size;
  let bytesRead = 0;
  const countBytes = (n: number) => {
    bytesRead += n;
    options.onProgress?.({ bytesRead, totalBytes });
  };
  const raw = (await detectFormat(path)) === 'xlsx' ? xlsxRows(path, countBytes) : csvRows(path, countBytes);
  let columnHeaders: (string | undefined)[] | undefined;
  for await (const row of raw) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    if (!columnHeaders) {
      columnHeaders = matchHeader(row.cells, spec);
      continue;
    }
    const values: Record<string, string> = {};
    columnHeaders.forEach((header, index) => {
      if (header !== undefined) values[header] = row.cells[index] ?? '';
    });
    yield { rowNumber: row.rowNumber, values };
  }
  if (!columnHeaders) throw new TableFileError('文件为空：没有找到表头行');
}

/** Index in the file → the spec header it holds; missing required or repeated columns are a file-level error. */
function matchHeader(cells: string[], spec: TableColumns): (string | undefined)[] {
  const known = new Map(spec.columns.map((column) => [column.header.trim(), column.header]));
  const seen = new Set<string>();
  const problems: RowError[] = [];
  const headers = cells.map((cell) => {
    const header = known.get(cell.trim());
    if (header === undefined) return undefined;
    if (seen.has(header)) problems.push({ row: 1, column: header, value: cell, message: '列名重复，无法确定使用哪一列' });
    seen.add(header);
    return header;
  });
  for (const column of spec.columns) {
    if (column.required && !seen.has(column.header))
      problems.push({ row: 1, column: column.header, value: '', message: '缺少必填列' });
  }
  if (problems.length) {
    const found =
      cells
        .map((cell) => cell.trim())
        .filter(Boolean)
        .join('、') || '（无）';
    const detail = problems.map((p) => `「${p.column}」${p.message}`).join('；');
    throw new TableFileError(`表头与模板不符：${detail}。文件中的列为：${found}`, problems);
  }
  return headers;
}

async function detectFormat(path: string): Promise<'xlsx' | 'csv'> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
    const magic = buffer.subarray(0, bytesRead).toString('hex');
    if (magic === '504b0304') return 'xlsx';
    if (magic === 'd0cf11e0') {
      throw new TableFileError(
        '不支持 Excel 97-2003（.xls）格式或设置了打开密码的文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
      );
    }
    if (magic.startsWith('fffe') || magic.startsWith('feff')) {
      throw new TableFileError('不支持 UTF-16（“Unicode 文本”）编码，请另存为“CSV UTF-8（逗号分隔）”后再导入');
    }
    return 'csv';
  } finally {
    await file.close();
  }
}

/** UTF-8 (BOM or not) if the sample decodes strictly as UTF-8, otherwise GBK; both decode strictly afterwards. */
function chooseDecoder(sample: Uint8Array, isWholeFile: boolean): TextDecoder {
  try {
    // stream: true keeps a multi-byte character cut at the sample's end pending instead of failing on it.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !isWholeFile });
    return new TextDecoder('utf-8', { fatal: true });
  } catch {
    return new TextDecoder('gbk', { fatal: true });
  }
}

async function* decodedText(path: string, countBytes: (n: number) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = 0;
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(bytes, { stream });
    } catch {
      const name = decoder!.encoding === 'utf-8' ? 'UTF-8' : 'GBK';
      throw new TableFileError(
        `文件编码无法识别：第 ${offset + 1} 字节之后的内容不是有效的 ${name} 编码。请将文件另存为“CSV UTF-8（逗号分隔）”或 GBK 编码的 CSV 后再导入`,
      );
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: ENCODING_SAMPLE_BYTES }) as AsyncIterable<Buffer>) {
    countBytes(chunk.length);
    if (!decoder) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < ENCODING_SAMPLE_BYTES) continue;
      const sample = Buffer.concat(pending);
      pending = [];
      decoder = chooseDecoder(sample, false);
      yield decode(sample, true);
      offset += sample.length;
      continue;
    }
    yield decode(chunk, true);
    offset += chunk.length;
  }
  if (!decoder) {
    const sample = Buffer.concat(pending);
    decoder = chooseDecoder(sample, true);
    yield decode(sample, false);
  } else {
    yield decode(new Uint8Array(0), false);
  }
}

async function* csvRows(path: string, countBytes: (n: number) => void): AsyncGenerator<RawRow> {
  let rowNumber = 0;
  for await (const cells of csvRecords(decodedText(path, countBytes))) yield { rowNumber: ++rowNumber, cells };
}

type SheetReader = AsyncIterable<Row> & { name?: string };

/** Rows of the workbook's first sheet (first tab); later sheets are read through and dropped so exceljs cleans up. */
async function* xlsxRows(path: string, countBytes: (n: number) => void): AsyncGenerator<RawRow> {
  const input = createReadStream(path);
  input.on('data', (chunk) => countBytes(chunk.length));
  const workbook = new Utf8SafeWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let done = false;
  try {
    for await (const sheet of workbook as AsyncIterable<SheetReader>) {
      const firstTab = workbook.model?.sheets?.[0]?.name;
      const wanted: boolean = !done && (firstTab === undefined || sheet.name === undefined || sheet.name === firstTab);
      for await (const row of sheet) {
        if (wanted) yield { rowNumber: row.number, cells: rowCells(row) };
      }
      done ||= wanted;
    }
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    throw new TableFileError(`无法读取 Excel 文件（${(error as Error).message}），请确认文件是 .xlsx 格式且未损坏`);
  } finally {
    input.destroy();
  }
  if (!done) throw new TableFileError('Excel 文件中没有工作表');
}

function rowCells(row: Row): string[] {
  const cells: string[] = [];
  row.eachCell((cell, column) => {
    cells[column - 1] = cellText(cell.value, cell.numFmt);
  });
  return Array.from(cells, (cell) => cell ?? '');
}
