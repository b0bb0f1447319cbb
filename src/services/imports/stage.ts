// The staging table of one import: every good row is COPied into a temporary table (dropped at commit or rollback),
// duplicates of the natural key are found there with one query, and the rows are then upserted into their table
// in chunks of INSERT … SELECT … ON CONFLICT … DO UPDATE … WHERE the values differ, so unchanged rows stay untouched.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { bulkWriterFor } from '../../adapters/store/bulk-writer.ts';
import type { Database } from '../../adapters/store/schema.ts';
import type { CellValue } from '../../domain/ports/bulk-writer.ts';
import type { WriteTarget } from './import-kind.ts';

const STAGE = 'import_stage';
/** Rows per INSERT … SELECT statement. */
const WRITE_CHUNK = 20_000;

export interface StagedRow {
  cells: CellValue[];
  rowNumber: number;
  /** The natural key as the file states it, to find and show duplicates. */
  key: string;
}

export interface Duplicate {
  key: string;
  /** Row numbers in file order, at least two. */
  rows: number[];
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const ids = (names: readonly string[]) => sql.join(names.map((name) => sql.id(name)));

export class ImportStage {
  private count = 0;

  private constructor(
    private readonly trx: Kysely<Database>,
    private readonly target: WriteTarget,
  ) {}

  /** Must run inside a transaction: the table lives until it ends. */
  static async create(trx: Kysely<Database>, target: WriteTarget): Promise<ImportStage> {
    await sql`CREATE TEMP TABLE ${sql.table(STAGE)} ON COMMIT DROP AS
              SELECT ${ids(target.columns)} FROM ${sql.table(target.table)} WITH NO DATA`.execute(trx);
    await sql`ALTER TABLE ${sql.table(STAGE)} ADD COLUMN _seq integer, ADD COLUMN _row integer, ADD COLUMN _key text`.execute(
      trx,
    );
    return new ImportStage(trx, target);
  }

  get rowCount(): number {
    return this.count;
  }

  async append(rows: readonly StagedRow[]): Promise<void> {
    const cells = rows.map((row) => [...row.cells, ++this.count, row.rowNumber, row.key]);
    await bulkWriterFor(this.trx).copyRows(STAGE, [...this.target.columns, '_seq', '_row', '_key'], cells);
  }

  /** Natural keys that occur more than once, first occurrence first. */
  async duplicates(limit: number): Promise<Duplicate[]> {
    const result = await sql<Duplicate>`
      SELECT _key AS key, array_agg(_row ORDER BY _row) AS rows FROM ${sql.table(STAGE)}
      GROUP BY _key HAVING count(*) > 1 ORDER BY min(_row) LIMIT ${limit}`.execute(this.trx);
    return result.rows.map((row) => ({ key: row.key, rows: row.rows.map(Number) }));
  }

  /** Writes the staged rows to the target table; `onChunk` receives the number of rows written so far. */
  async write(actor: string, onChunk?: (done: number) => void): Promise<WriteCounts> {
    await sql`CREATE INDEX ON ${sql.table(STAGE)} (_seq)`.execute(this.trx);
    const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
    for (let from = 0; from < this.count; from += WRITE_CHUNK) {
      const to = Math.min(this.count, from + WRITE_CHUNK);
      const range = sql`_seq > ${from} AND _seq <= ${to}`;
      const statement = this.target.mode === 'upsert' ? this.upsert(actor, range) : this.update(actor, range);
      const { rows } = await sql<{ inserted: number; written: number }>`
        WITH written AS (${statement})
        SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*)::int AS written FROM written`.execute(this.trx);
      const { inserted, written } = rows[0]!;
      counts.inserted += inserted;
      counts.updated += written - inserted;
      counts.unchanged += to - from - written;
      onChunk?.(to);
    }
    return counts;
  }

  /** Copies every staged row into the target's batch log under the batch (see WriteTarget.batchLog). */
  async logBatch(batchId: number): Promise<void> {
    const log = this.target.batchLog;
    if (!log) return;
    await sql`INSERT INTO ${sql.table(log.table)} (batch_id, ${ids(log.columns)})
              SELECT ${batchId}, ${ids(log.columns)} FROM ${sql.table(STAGE)}`.execute(this.trx);
  }

  /** Values compared to decide whether a row changed: every column written except the key and insert-only ones. */
  private get compared(): string[] {
    const fixed = new Set([...this.target.key, ...(this.target.insertOnly ?? [])]);
    return this.target.columns.filter((column) => !fixed.has(column));
  }

  private upsert(actor: string, range: RawBuilder<unknown>): RawBuilder<unknown> {
    const { table, columns, key, audit } = this.target;
    const auditColumns = audit === 'changed' ? ['created_by', 'updated_by'] : audit === 'created' ? ['created_by'] : [];
    const compared = this.compared;
    const assignments = compared.map((column) => sql`${sql.id(column)} = excluded.${sql.id(column)}`);
    if (audit === 'changed') assignments.push(sql`updated_at = now()`, sql`updated_by = excluded.updated_by`);
    const current = sql.join(compared.map((column) => sql`${sql.table(table)}.${sql.id(column)}`));
    const incoming = sql.join(compared.map((column) => sql`excluded.${sql.id(column)}`));
    return sql`
      INSERT INTO ${sql.table(table)} (${ids([...columns, ...auditColumns])})
      SELECT ${sql.join([...columns.map((column) => sql.id(column)), ...auditColumns.map(() => sql`${actor}::text`)])}
      FROM ${sql.table(STAGE)} WHERE ${range}
      ON CONFLICT (${ids(key)}) DO UPDATE SET ${sql.join(assignments)}
      WHERE ROW(${current}) IS DISTINCT FROM ROW(${incoming})
      RETURNING (xmax = 0) AS inserted`;
  }

  private update(actor: string, range: RawBuilder<unknown>): RawBuilder<unknown> {
    const { table, key, audit } = this.target;
    const compared = this.compared;
    const assignments = compared.map((column) => sql`${sql.id(column)} = s.${sql.id(column)}`);
    if (audit === 'changed') assignments.push(sql`updated_at = now()`, sql`updated_by = ${actor}::text`);
    const matches = sql.join(
      key.map((column) => sql`t.${sql.id(column)} = s.${sql.id(column)}`),
      sql` AND `,
    );
    const current = sql.join(compared.map((column) => sql`t.${sql.id(column)}`));
    const incoming = sql.join(compared.map((column) => sql`s.${sql.id(column)}`));
    return sql`
      UPDATE ${sql.table(table)} AS t SET ${sql.join(assignments)} FROM ${sql.table(STAGE)} AS s
      WHERE ${range} AND ${matches} AND ROW(${current}) IS DISTINCT FROM ROW(${incoming})
      RETURNING false AS inserted`;
  }
}
