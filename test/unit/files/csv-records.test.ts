import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvRecordParser } from '../../../src/adapters/files/csv-records.ts';
import { TableFileError } from '../../../src/adapters/files/table-errors.ts';

function parseInChunks(text: string, cuts: number[] = []): string[][] {
  const parser = new CsvRecordParser();
  const records: string[][] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    records.push(...parser.push(text.slice(from, cut)));
    from = cut;
  }
  records.push(...parser.push(text.slice(from)));
  records.push(...parser.end());
  return records;
}

describe('CsvRecordParser', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', () => {
    const text = '单位名称,地址,备注\r\n"济南示例有限公司","历下区,泉城路1号","他说""好""\r\n第二行"\r\n乙公司,,末尾\r\n';
    expect(parseInChunks(text)).toEqual([
      ['单位名称', '地址', '备注'],
      ['济南示例有限公司', '历下区,泉城路1号', '他说"好"\r\n第二行'],
      ['乙公司', '', '末尾'],
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends, a missing final line break and blank lines', () => {
    expect(parseInChunks('a,b\nc,d\r\ne,f\rg,h')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']]);
    expect(parseInChunks('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(parseInChunks('a,b,\n')).toEqual([['a', 'b', '']]);
  });

  it('keeps a stray quote as text instead of rejecting the file', () => {
    expect(parseInChunks('5"屏幕,"ab"c\n')).toEqual([['5"屏幕', 'ab"c']]);
  });

  it('reports an unclosed quote with the line it starts on', () => {
    expect(() => parseInChunks('a\nb\n"未闭合,c\n')).toThrow(TableFileError);
    expect(() => parseInChunks('a\nb\n"未闭合,c\n')).toThrow('文件第 3 行起的引号未闭合');
  });

  it('gives the same records however the text is cut into chunks', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\r', '\n', ' '), maxLength: 6 });
    const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        (records, cutSeeds, lineEnd) => {
          // A record of one empty field is a blank line; it round-trips as long as every record ends in a line break.
          const text = records.map((fields) => fields.map(quote).join(',') + lineEnd).join('');
          const cuts = cutSeeds.map((seed) => seed % (text.length + 1));
          expect(parseInChunks(text, cuts)).toEqual(records);
        },
      ),
      { numRuns: 500 },
    );
  });
});
