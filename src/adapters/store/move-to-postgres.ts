// Moves an embedded installation (a PGlite data folder) into an empty PostgreSQL database: both are migrated to the
// same schema first, then every table is copied in foreign-key order in COPY text format (exact for every type,
// sealed bytes included), in page-range chunks so memory stays flat, inside one transaction on the server — a failure
// leaves the target as empty as it was. Identities continue after the largest copied id; the row count of every table
// on both sides is returned for the operator to compare.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openStore } from './open-store.ts';
import type { FieldCipher } from '../../domain/ports/field-cipher.ts';

/** Tables the target already holds after migrating: replaced (regions) or left as they are (the migration record). */
const SEEDED = 'regions';
const MIGRATION_RECORD = 'schema_migrations';
/** Pages (8 kB) per COPY chunk: about 16 MB of table at a time. */
const CHUNK_PAGES = 2048;

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

/** The target database already holds data; the message is for the operator, in Chinese. */
export class MoveTargetNotEmptyError extends Error {
  override name = 'MoveTargetNotEmptyError';
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function rows<T>(pglite: PGlite, query: string, params: unknown[] = []): Promise<T[]> {
  return (await pglite.query<T>(query, params)).rows;
}

/** The data tables in an order where every table comes after the tables it references. */
async function tablesInOrder(pglite: PGlite): Promise<string[]> {
  const tables = await rows<{ name: string }>(
    pglite,
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATION_RECORD],
  );
  const references = await rows<{ child: string; parent: string }>(
    pglite,
    `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint k
     JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
     WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
  );
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (table: string, path: Set<string>) => {
    if (placed.has(table) || path.has(table)) return;
    path.add(table);
    for (const { parent } of references.filter((r) => r.child === table)) place(parent, path);
    placed.add(table);
    ordered.push(table);
  };
  for (const { name } of tables) place(name, new Set());
  return ordered;
}

async function copyTable(pglite: PGlite, client: pg.Client, table: string): Promise<void> {
  const columns = await rows<{ name: string; identity: string }>(
    pglite,
    `SELECT attname AS name, attidentity AS identity FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped
     AND attgenerated = '' ORDER BY attnum`,
    [quote(table)],
  );
  const list = columns.map((c) => quote(c.name)).join(', ');
  const [size] = await rows<{ pages: number }>(
    pglite,
    `SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages`,
    [quote(table)],
  );
  for (let from = 0; from <= size!.pages; from += CHUNK_PAGES) {
    const result = await pglite.query(
      `COPY (SELECT ${list} FROM ${quote(table)} WHERE ctid >= '(${from},0)'::tid AND ctid < '(${from + CHUNK_PAGES},0)'::tid)
       TO '/dev/blob'`,
    );
    if (!result.blob || result.blob.size === 0) continue;
    const text = Buffer.from(await result.blob.arrayBuffer());
    await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${quote(table)} (${list}) FROM STDIN`)));
  }
  for (const { name } of columns.filter((c) => c.identity !== '')) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(name)}) FROM ${quote(table)}), 0) + 1, false)`,
      [quote(table), name],
    );
  }
}

async function countAll(tables: readonly string[], count: (table: string) => Promise<number>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const table of tables) counts.set(table, await count(table));
  return counts;
}

async function refuseNonEmpty(client: pg.Client, tables: readonly string[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    if (table === SEEDED) continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${quote(table)} LIMIT 1`);
    if (rowCount) filled.push(table);
  }
  if (filled.length)
    throw new MoveTargetNotEmptyError(
      `目标数据库不是空库（${filled.slice(0, 5).join('、')}${filled.length > 5 ? ' 等' : ''} 已有数据）：请迁移到新建的空数据库`,
    );
}

/** Copies the PGlite installation at `dataDir` into the empty PostgreSQL database at `databaseUrl`. */
export async function moveToPostgres(dataDir: string, databaseUrl: string, cipher?: () => FieldCipher): Promise<TableCount[]> {
  await (await openStore({ dataDir }, cipher)).close();
  await (await openStore({ databaseUrl }, cipher)).close();
  const pglite = await PGlite.create(dataDir);
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const tables = await tablesInOrder(pglite);
    await refuseNonEmpty(client, tables);
    await client.query('BEGIN');
    try {
      await client.query(`DELETE FROM ${quote(SEEDED)}`);
      for (const table of tables) await copyTable(pglite, client, table);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    const source = await countAll(
      tables,
      async (t) => (await rows<{ n: number }>(pglite, `SELECT count(*)::int AS n FROM ${quote(t)}`))[0]!.n,
    );
    const target = await countAll(
      tables,
      async (t) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(t)}`)).rows[0]!.n,
    );
    return tables.map((table) => ({ table, source: source.get(table)!, target: target.get(table)! }));
  } finally {
    await client.end();
    await pglite.close();
  }
}
