// CSV export that Excel opens correctly: UTF-8 with BOM, CRLF line ends, RFC 4180 quoting, every cell through the
// formula-injection guard (export-guard.ts). Streams to disk.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { guardCell } from './export-guard.ts';
import type { ExportCell } from './write-xlsx.ts';

const BOM = '\uFEFF';
const FLUSH_AT = 64 * 1024;

function csvField(cell: ExportCell): string {
  const guarded = guardCell(cell);
  const text = guarded === null ? '' : String(guarded);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(cells: readonly ExportCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

export async function writeCsv(
  path: string,
  headers: readonly string[],
  rows: Iterable<readonly ExportCell[]> | AsyncIterable<readonly ExportCell[]>,
): Promise<void> {
  async function* chunks(): AsyncGenerator<string> {
    let buffer = BOM + csvLine(headers);
    for await (const row of rows) {
      buffer += csvLine(row);
      if (buffer.length >= FLUSH_AT) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path));
}
