// Incremental RFC 4180 CSV parser: text goes in chunk by chunk (split anywhere), complete records come out.
// Quoted fields may hold commas, doubled quotes and line breaks; lines end in CRLF, LF or a lone CR.
// Lenient like Excel: a stray quote in a field is kept as text rather than rejected.
import { TableFileError } from './table-errors.ts';

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either an escaped quote or the field's end. */
  QuoteInQuoted,
  /** After a CR ending a record: a following LF belongs to it. */
  AfterCr,
}

export class CsvRecordParser {
  private state = State.FieldStart;
  private field = '';
  private record: string[] = [];
  /** Records completed so far (for the line number in an error). */
  private completed = 0;

  /** Parses one chunk and returns the records it completed. */
  push(chunk: string): string[][] {
    const out: string[][] = [];
    let runStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.state === State.AfterCr) {
        this.state = State.FieldStart;
        if (c === LF) continue; // otherwise the CR alone ended the record
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            runStart = i + 1;
          } else if (c === COMMA) {
            this.record.push('');
          } else if (c === LF || c === CR) {
            this.record.push('');
            this.endRecord(out, c);
          } else {
            this.state = State.Unquoted;
            runStart = i;
          }
          break;
        case State.Unquoted:
          if (c === COMMA || c === LF || c === CR) {
            this.record.push(this.field + chunk.slice(runStart, i));
            this.field = '';
            if (c === COMMA) this.state = State.FieldStart;
            else this.endRecord(out, c);
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.field += chunk.slice(runStart, i);
            this.state = State.QuoteInQuoted;
          }
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.state = State.Quoted;
            runStart = i; // the second quote of the pair is text
          } else if (c === COMMA || c === LF || c === CR) {
            this.record.push(this.field);
            this.field = '';
            if (c === COMMA) this.state = State.FieldStart;
            else this.endRecord(out, c);
          } else {
            // "ab"c is not valid CSV; keep every character (ab"c) so the user sees what the file holds
            this.field += '"';
            this.state = State.Unquoted;
            runStart = i;
          }
          break;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) this.field += chunk.slice(runStart);
    return out;
  }

  /** Finishes the input; returns the last record when the file does not end with a line break. */
  end(): string[][] {
    if (this.state === State.Quoted) {
      throw new TableFileError(`文件第 ${this.completed + 1} 行起的引号未闭合，请检查该行是否缺少结尾的英文双引号`);
    }
    const pending = this.state === State.Unquoted || this.state === State.QuoteInQuoted || this.record.length > 0;
    if (!pending) return [];
    this.record.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
    const last = this.record;
    this.record = [];
    this.completed++;
    return [last];
  }

  private endRecord(out: string[][], lineBreak: number): void {
    out.push(this.record);
    this.record = [];
    this.completed++;
    this.state = lineBreak === CR ? State.AfterCr : State.FieldStart;
  }
}
