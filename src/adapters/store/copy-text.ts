// COPY … FROM in PostgreSQL's text format, shared by both backends. A CopyRequest travels to the driver as the
// single parameter of a Kysely query, so COPY runs on whatever connection the caller holds (a transaction too).

import type { PostgresQueryResult } from 'kysely';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';

/** Rows are joined into chunks of about this many characters before they are handed to the driver. */
const CHUNK_CHARS = 1 << 16;

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeText(text: string): string {
  return text.replace(SPECIALS, (c) => ESCAPES[c] ?? c);
}

function encodeCell(cell: CellValue): string {
  if (typeof cell === 'string') return escapeText(cell);
  if (cell === null) return '\\N';
  if (typeof cell === 'boolean') return cell ? 't' : 'f';
  if (typeof cell === 'bigint') return cell.toString();
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`COPY 不接受非有限数值 ${cell}`);
    return String(cell);
  }
  // bytea hex input is `\x…`; the backslash itself is escaped in the text format.
  return `\\\\x${cell.toString('hex')}`;
}

export class CopyRequest {
  /** `"table" ("col", …)`, quoted. */
  readonly target: string;
  /** The rows in COPY text format, in chunks of whole lines. */
  readonly chunks: readonly string[];

  constructor(table: string, columns: readonly string[], rows: readonly (readonly CellValue[])[]) {
    this.target = `${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')})`;
    const chunks: string[] = [];
    let lines: string[] = [];
    let size = 0;
    for (const row of rows) {
      if (row.length !== columns.length) {
        throw new RangeError(`COPY ${table}: 行有 ${row.length} 个值，应为 ${columns.length} 个`);
      }
      const line = row.map(encodeCell).join('\t') + '\n';
      lines.push(line);
      size += line.length;
      if (size >= CHUNK_CHARS) {
        chunks.push(lines.join(''));
        lines = [];
        size = 0;
      }
    }
    if (lines.length > 0) chunks.push(lines.join(''));
    this.chunks = chunks;
  }

  /** Recognises a query built by `copyQuery`. */
  static from(parameters: readonly unknown[]): CopyRequest | undefined {
    return parameters.length === 1 && parameters[0] instanceof CopyRequest ? parameters[0] : undefined;
  }
}

/** A driver's answer to a CopyRequest (Kysely's command list lacks COPY; it only counts INSERT/UPDATE/DELETE/MERGE). */
export function copyResult(rowCount: number): PostgresQueryResult<unknown> {
  return { command: 'COPY' as PostgresQueryResult<unknown>['command'], rowCount, rows: [] };
}
