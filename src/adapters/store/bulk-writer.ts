// BulkWriter over Kysely: COPY runs on the executor's connection, so it can take part in a transaction
// (`bulkWriterFor(trx)`). Each backend's driver carries the request out: bulk-writer-pg.ts, bulk-writer-pglite.ts.

import { CompiledQuery, type Kysely } from 'kysely';
import type { BulkWriter } from '../../domain/ports/bulk-writer.ts';
import { CopyRequest } from './copy-text.ts';
import type { Database } from './schema.ts';

export function bulkWriterFor(db: Kysely<Database>): BulkWriter {
  return {
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      const request = new CopyRequest(table, columns, rows);
      await db.executeQuery(CompiledQuery.raw(`COPY ${request.target} FROM STDIN`, [request]));
    },
  };
}
