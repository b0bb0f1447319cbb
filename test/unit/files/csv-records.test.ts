import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { csvRecords } from '../../../src/adapters/files/csv-records.ts';
import { TableFileError } from '../../../src/adapters/files/table-errors.ts';

async function parseInChunks(text: string, cuts: number[] = []): Promise<string[][]> {
  const chunks: string[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    chunks.push(text.slice(from, cut));
    from = cut;
  }
  chunks.push(text.slice(from));
  const records: string[][] = [];
  for await (const record of csvRecords(chunks)) records.push(record);
  return records;
}

describe('csvRecords', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks', async () => {
    const text = '单位名称,地址,备注\r\n"济南示例有限公司","历下区,泉城路1号","他说""好""\r\n第二行"\r\n乙公司,,末尾\r\n';
    expect(await parseInChunks(text)).toEqual([
      ['单位名称', '地址', '备注'],
      ['济南示例有限公司', '历下区,泉城路1号', '他说"好"\r\n第二行'],
      ['乙公司', '', '末尾'],
    ]);
  });

  it('accepts LF, CRLF and lone CR line ends, a missing final line break and blank lines', async () => {
    expect(await parseInChunks('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(await parseInChunks('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(await parseInChunks('a,b,\n')).toEqual([['a', 'b', '']]);
  });

  it('keeps a stray quote as text instead of rejecting the file', async () => {
    expect(await parseInChunks('5"屏幕,"ab"c\n')).toEqual([['5"屏幕', '"ab"c']]);
  });

  it('reports an unclosed quote with the line it starts on', async () => {
    await expect(parseInChunks('a\nb\n"未闭合,c\n')).rejects.toThrow(TableFileError);
    await expect(parseInChunks('a\nb\n"未闭合,c\n')).rejects.toThrow('文件第 3 行起的引号未闭合');
  });

  it('gives the same records however the text is cut into chunks', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\r', '\n', ' '), maxLength: 6 });
    const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom('\n', '\r\n'),
        async (records, cutSeeds, lineEnd) => {
          // A record of one empty field is a blank line; it round-trips as long as every record ends in a line break.
          const text = records.map((fields) => fields.map(quote).join(',') + lineEnd).join('');
          const cuts = cutSeeds.map((seed) => seed % (text.length + 1));
          expect(await parseInChunks(text, cuts)).toEqual(records);
        },
      ),
      { numRuns: 200 },
    );
  });
});
