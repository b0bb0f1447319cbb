// One conversion of PostgreSQL text values to JS, applied to both pg and PGlite so both return the same values.

import pg from 'pg';

const OID = { bytea: 17, int8: 20, date: 1082, numeric: 1700 } as const;

function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`数据库整数 ${text} 超出安全整数范围`);
  return value;
}

function parseBytea(text: string): Buffer {
  // Hex output ('\x…'), the default since PostgreSQL 9.0 on both backends.
  return Buffer.from(text.slice(2), 'hex');
}

const keepText = (text: string): string => text;

/** Parsers by type OID; other types keep each driver's default (int2/int4/float → number, bool, timestamptz → Date). */
export const textParsers: Readonly<Record<number, (text: string) => unknown>> = {
  [OID.int8]: parseInt8,
  [OID.date]: keepText,
  [OID.numeric]: keepText,
  [OID.bytea]: parseBytea,
};

/** The `types` option of a pg Client/Pool using textParsers (per pool, not pg's global registry). */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    return (format ?? 'text') === 'text' && textParsers[oid] ? textParsers[oid] : pg.types.getTypeParser(oid, format);
  },
};
