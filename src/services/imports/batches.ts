// The import_batches log: every file imported, with its SHA-256, row count and outcome.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/store/schema.ts';

export interface BatchRecord {
  kind: string;
  fileName: string;
  sha256: string;
  rowCount: number;
  status: 'accepted' | 'rejected';
  errorCount: number;
  actor: string;
}

export interface BatchSummary extends BatchRecord {
  id: number;
  createdAt: string;
}

export async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function recordBatch(db: Kysely<Database>, batch: BatchRecord): Promise<number> {
  const { id } = await db
    .insertInto('import_batches')
    .values({
      kind: batch.kind,
      file_name: batch.fileName,
      file_sha256: batch.sha256,
      row_count: batch.rowCount,
      status: batch.status,
      error_count: batch.errorCount,
      created_by: batch.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

type BatchRow = Awaited<ReturnType<ReturnType<typeof selectBatches>['executeTakeFirstOrThrow']>>;

function selectBatches(db: Kysely<Database>) {
  return db.selectFrom('import_batches').selectAll();
}

function toSummary(row: BatchRow): BatchSummary {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    sha256: row.file_sha256,
    rowCount: row.row_count,
    status: row.status,
    errorCount: row.error_count,
    actor: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/** The latest batches first. */
export async function listBatches(db: Kysely<Database>, options: { limit: number; kind?: string }): Promise<BatchSummary[]> {
  let query = selectBatches(db).orderBy('id', 'desc').limit(options.limit);
  if (options.kind) query = query.where('kind', '=', options.kind);
  return (await query.execute()).map(toSummary);
}

export async function findBatch(db: Kysely<Database>, id: number): Promise<BatchSummary | undefined> {
  const row = await selectBatches(db).where('id', '=', id).executeTakeFirst();
  return row && toSummary(row);
}
