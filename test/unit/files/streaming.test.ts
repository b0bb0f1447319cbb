// Large files: rows stream through without the file being held in memory, and stay exact.
import { describe, it, expect } from 'vitest';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { readTable } from '../../../src/adapters/files/read-table.ts';
import { ValidationReport, validateRows } from '../../../src/adapters/files/validate-rows.ts';
import { sampleHeaders, sampleSpec, tempFiles } from './support.ts';

const file = tempFiles();
const ROWS = 100_000;

/** Data row i, every row the same length in bytes so the bytes a row ends at are known. */
function dataLine(i: number): string {
  const n = String(i).padStart(6, '0');
  return `9137010000MA${n},示例单位${n},小型,${n}.25,2024-08-15,2024-08,否,${String(i % 300).padStart(3, '0')}\n`;
}

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

describe('streaming a 100,000-row CSV', () => {
  it('parses every row while reading at most a couple of chunks ahead of the rows handed out', async () => {
    const path = file('large.csv');
    const headerLine = `${sampleHeaders.join(',')}\n`;
    await writeLines(
      path,
      (function* () {
        yield headerLine;
        for (let i = 0; i < ROWS; i++) yield dataLine(i);
      })(),
    );
    const headerBytes = Buffer.byteLength(headerLine);
    const rowBytes = Buffer.byteLength(dataLine(0));

    let bytesRead = 0;
    let totalBytes = 0;
    let progressCalls = 0;
    let maxReadAhead = 0;
    let maxHeapGrowth = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    const report = new ValidationReport();
    let count = 0;
    let paidTotal = 0;
    const rows = readTable(path, sampleSpec, {
      onProgress: (progress) => {
        ({ bytesRead, totalBytes } = progress);
        progressCalls++;
        maxHeapGrowth = Math.max(maxHeapGrowth, process.memoryUsage().heapUsed - heapBefore);
      },
    });
    for await (const row of validateRows(sampleSpec, rows, report)) {
      count++;
      paidTotal += row.value.paidFen;
      maxReadAhead = Math.max(maxReadAhead, bytesRead - (headerBytes + count * rowBytes));
    }

    expect(report.errors).toEqual([]);
    expect(count).toBe(ROWS);
    expect(paidTotal).toBe(((ROWS * (ROWS - 1)) / 2) * 100 + ROWS * 25);
    expect(totalBytes).toBe(headerBytes + ROWS * rowBytes);
    expect(bytesRead).toBe(totalBytes);
    expect(progressCalls).toBeGreaterThan(50);
    // The reader holds at most the 64 KiB encoding sample plus one chunk beyond the row it last handed out.
    expect(maxReadAhead).toBeLessThanOrEqual(2 * 64 * 1024);
    // Keeping the rows would take about 60 MB of heap here; streaming stays well under that.
    expect(maxHeapGrowth).toBeLessThan(40 * 1024 * 1024);
  });
});

describe('streaming a large XLSX with Chinese text', () => {
  it('reads every Chinese cell exactly, whether stored as shared or inline strings', async () => {
    // exceljs 4.4.0 alone garbles a character cut by a chunk boundary (see xlsx-stream-reader.ts).
    const names = Array.from({ length: 20_000 }, (_, i) => `历下区示例单位第${i}号分公司`);
    for (const useSharedStrings of [true, false]) {
      const path = file(`chinese-${useSharedStrings}.xlsx`);
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
      const sheet = workbook.addWorksheet('单位');
      sheet.addRow(sampleHeaders).commit();
      names.forEach((name, i) => {
        sheet
          .addRow([`9137010000MA${String(i).padStart(6, '0')}`, name, '中型', '1', '2024年8月15日', '2024年8月', '是', '1'])
          .commit();
      });
      sheet.commit();
      await workbook.commit();

      const report = new ValidationReport();
      const read: string[] = [];
      let progress = { bytesRead: 0, totalBytes: -1 };
      const rows = readTable(path, sampleSpec, { onProgress: (p) => (progress = p) });
      for await (const row of validateRows(sampleSpec, rows, report)) read.push(row.value.name);
      expect(report.errors.slice(0, 3), `useSharedStrings: ${useSharedStrings}`).toEqual([]);
      expect(read).toEqual(names);
      expect(progress.bytesRead).toBe(progress.totalBytes);
    }
  });
});
