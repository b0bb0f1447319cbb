// How the benchmarks load a generated population into their throwaway PostgreSQL databases: through the generator's
// per-chunk transactions, with the checks of foreign keys switched off inside them (the generator writes only
// references it wrote itself, unit before ledger) and without waiting for each commit to reach the disk.
import { sql } from 'kysely';
import type { Store } from '../src/adapters/store/open-store.ts';
import { bulkWriterFor } from '../src/adapters/store/bulk-writer.ts';
import type { GenerationTarget } from '../src/demo/generate/generate-into-store.ts';

export function benchLoadTarget(store: Store): GenerationTarget {
  if (store.backend !== 'postgres') return store;
  return {
    resetIdentity: (table) => store.resetIdentity(table),
    countRows: (table) => store.countRows(table),
    bulkTransaction: (work) =>
      store.db.transaction().execute(async (trx) => {
        // session_replication_role = replica skips the foreign-key triggers (the server's superuser only).
        await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await sql`SET LOCAL synchronous_commit = off`.execute(trx);
        return work(bulkWriterFor(trx));
      }),
  };
}
