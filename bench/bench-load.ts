// How the benchmarks load a generated population into their throwaway PostgreSQL databases: through the generator's
// per-chunk transactions, with the checks of foreign keys switched off inside them when the server allows it (the
// generator writes only references it wrote itself, unit before ledger) and without waiting for each commit to reach
// the disk.
import { sql } from 'kysely';
import type { Store } from '../src/adapters/store/open-store.ts';
import { bulkWriterFor } from '../src/adapters/store/bulk-writer.ts';
import type { GenerationTarget } from '../src/demo/generate/generate-into-store.ts';

export async function benchLoadTarget(store: Store): Promise<GenerationTarget> {
  if (store.backend !== 'postgres') return store;
  // session_replication_role = replica skips the foreign-key triggers; only a superuser may set it.
  const { rows } = await sql<{ on: string }>`SELECT current_setting('is_superuser') AS on`.execute(store.db);
  const unchecked = rows[0]?.on === 'on';
  return {
    resetIdentity: (table) => store.resetIdentity(table),
    countRows: (table) => store.countRows(table),
    bulkTransaction: (work) =>
      store.db.transaction().execute(async (trx) => {
        if (unchecked) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
        await sql`SET LOCAL synchronous_commit = off`.execute(trx);
        return work(bulkWriterFor(trx));
      }),
  };
}
