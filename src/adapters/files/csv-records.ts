// CSV records from decoded text arriving chunk by chunk (split anywhere), read with csv-parse: quoted fields may hold
// commas, doubled quotes and line breaks; lines end in CRLF, LF or a lone CR, mixed in one file as Excel may write them.
// Lenient like Excel: a stray quote in a field is kept as text rather than rejected.
import { Readable } from 'node:stream';
import { CsvError, parse, type Options } from 'csv-parse';
import { TableFileError } from './table-errors.ts';

const OPTIONS: Options = {
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: false,
};

/** The records of the text, in order; an error of the text's source stops them with that error. */
export async function* csvRecords(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string[]> {
  const parser = parse(OPTIONS);
  const source = Readable.from(text);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    yield* parser as AsyncIterable<string[]>;
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw new TableFileError(`文件第 ${line} 行起的引号未闭合，请检查该行是否缺少结尾的英文双引号`);
    }
    throw error;
  } finally {
    source.destroy();
  }
}
