// exceljs 4.4.0's streaming reader decodes every compressed chunk to text on its own, so a Chinese character cut
// by a chunk boundary comes out as two U+FFFD — silently, about once in every few thousand rows of Chinese text
// (exceljs issues #2063, #2084, #2316; fixes proposed in PRs #1665, #1821, #2894, none released).
// This subclass hands exceljs's XML parser text decoded across chunk boundaries for the shared strings and the
// worksheets, the two parts that carry cell values. It overrides two internal methods of the pinned version; the
// round-trip test in test/unit/files/streaming.test.ts fails if an upgrade changes them.
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';

type ReaderOptions = Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>;

interface ReaderInternals {
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

type ReaderClass = new (input: Readable, options: ReaderOptions) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}

export class Utf8SafeWorkbookReader extends (ExcelJS.stream.xlsx.WorkbookReader as unknown as ReaderClass) {
  override _parseSharedStrings(entry: Readable): AsyncGenerator<unknown> {
    return super._parseSharedStrings(entry.setEncoding('utf8'));
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown> {
    return super._parseWorksheet(utf8Text(iterator), sheetNo);
  }
}
